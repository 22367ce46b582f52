import { beforeEach, describe, expect, it } from 'vitest';
import { orderKey, serviceDayKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import { hubTerminalCode, hubTerminalId } from './order-numbering.ts';
import type { Order } from '../schema.ts';
import type { ServiceDay } from '../schemas/order-numbers.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { orderArgs, refusal, seedKitchen } from '../testing/scenario.ts';
import { read, readOrFail } from '../tx.ts';

let server: MemoryTx;
beforeEach(async () => {
  server = new MemoryTx('server');
  await seedKitchen(server);
});

const day = '2026-12-05';
const numberOf = async (tx: MemoryTx, id: string) => (await readOrFail<Order>(tx, orderKey(id), id)).number;
const create = (tx: MemoryTx, id: string, extra: { terminalId?: string; serviceDay?: string; number?: string } = { serviceDay: day }) =>
  mutators.createOrder(tx, { ...orderArgs(id, ['burger']), ...extra });

describe('order numbers', () => {
  it('the server numbers orders taken without a terminal 1, 2, 3 within their service day', async () => {
    for (const id of ['a', 'b', 'c']) await create(server, id);
    await create(server, 'd', { serviceDay: '2026-12-06' });
    expect([await numberOf(server, 'a'), await numberOf(server, 'b'), await numberOf(server, 'c'), await numberOf(server, 'd')]).toEqual(['1', '2', '3', '1']);
    expect((await readOrFail<Order>(server, orderKey('d'), 'd')).serviceDay).toBe('2026-12-06');
  });

  it("a terminal's orders carry its code of the day and its own counter", async () => {
    await mutators.claimTerminalCode(server, { terminalId: 'till-1', serviceDay: day });
    await mutators.claimTerminalCode(server, { terminalId: 'till-2', serviceDay: day });
    await mutators.claimTerminalCode(server, { terminalId: 'till-1', serviceDay: day });
    await create(server, 'a', { terminalId: 'till-2', serviceDay: day });
    await create(server, 'b', { terminalId: 'till-1', serviceDay: day });
    await create(server, 'c', { terminalId: 'till-2', serviceDay: day });
    await create(server, 'd', { serviceDay: day });
    expect([await numberOf(server, 'a'), await numberOf(server, 'b'), await numberOf(server, 'c'), await numberOf(server, 'd')]).toEqual(['C-1', 'A-1', 'C-2', '1']);
  });

  it("the hub's terminal always gets its own code H, and no other terminal ever does", async () => {
    for (const t of ['t1', 't2', 't3', 't4']) await mutators.claimTerminalCode(server, { terminalId: t, serviceDay: day });
    await create(server, 'a', { terminalId: 'till-5', serviceDay: day });
    await create(server, 'h', { terminalId: hubTerminalId, serviceDay: day });
    await create(server, 'b', { terminalId: 'till-7', serviceDay: day });
    expect([await numberOf(server, 'a'), await numberOf(server, 'h'), await numberOf(server, 'b')]).toEqual(['J-1', `${hubTerminalCode}-1`, 'K-1']);
    // A second server (the cloud) that has seen none of those terminals still numbers the hub's orders alike.
    const cloud = new MemoryTx('server');
    await seedKitchen(cloud);
    await mutators.claimTerminalCode(cloud, { terminalId: 'elsewhere', serviceDay: day });
    await create(cloud, 'h', { terminalId: hubTerminalId, serviceDay: day });
    expect(await numberOf(cloud, 'h')).toBe('H-1');
  });

  it("a number the terminal gave is kept when it is its code's and past its counter, else the server numbers", async () => {
    await create(server, 'a', { terminalId: hubTerminalId, serviceDay: day, number: 'H-3' });
    await create(server, 'b', { terminalId: hubTerminalId, serviceDay: day, number: 'H-2' });
    await create(server, 'c', { terminalId: hubTerminalId, serviceDay: day, number: 'A-9' });
    expect([await numberOf(server, 'a'), await numberOf(server, 'b'), await numberOf(server, 'c')]).toEqual(['H-3', 'H-4', 'H-5']);
  });

  it('a terminal numbers offline from its copy once it has its code, and the server gives the same numbers', async () => {
    await mutators.claimTerminalCode(server, { terminalId: 'till-1', serviceDay: day });
    const offline = server.clone('client');
    await create(offline, 'a', { terminalId: 'till-1', serviceDay: day });
    await create(offline, 'b', { terminalId: 'till-1', serviceDay: day });
    await create(server, 'x', { serviceDay: day });
    await create(server, 'a', { terminalId: 'till-1', serviceDay: day });
    await create(server, 'b', { terminalId: 'till-1', serviceDay: day });
    expect([await numberOf(offline, 'a'), await numberOf(offline, 'b')]).toEqual(['A-1', 'A-2']);
    expect([await numberOf(server, 'a'), await numberOf(server, 'b'), await numberOf(server, 'x')]).toEqual(['A-1', 'A-2', '1']);
  });

  it('a client without its code leaves the number to the server, which gives the terminal a code on its first order', async () => {
    const client = server.clone('client');
    await mutators.claimTerminalCode(client, { terminalId: 'till-1', serviceDay: day });
    await create(client, 'a', { terminalId: 'till-1', serviceDay: day });
    const pending = await readOrFail<Order>(client, orderKey('a'), 'a');
    expect(pending.number).toBeUndefined();
    expect(pending.serviceDay).toBe(day);
    expect(await read(client, serviceDayKey(day))).toBeUndefined();
    await create(server, 'a', { terminalId: 'till-1', serviceDay: day });
    expect(await numberOf(server, 'a')).toBe('A-1');
  });

  it('an older client (no terminal, no day) still gets a number from the server, and none on its own replica', async () => {
    await mutators.createOrder(server, orderArgs('old', ['burger'], { at: Date.UTC(2026, 11, 5, 19) }));
    const old = await readOrFail<Order>(server, orderKey('old'), 'old');
    expect(old.number).toBe('1');
    expect(old.serviceDay).toMatch(/^2026-12-0[45]$/);
    const client = new MemoryTx('client');
    await seedKitchen(client);
    await mutators.createOrder(client, orderArgs('old', ['burger']));
    expect(await numberOf(client, 'old')).toBeUndefined();
  });

  it('a refused order uses up no number', async () => {
    await mutators.setProductSoldOut(server, { productId: 'burger', soldOut: true, at: 1 });
    expect((await refusal(server, () => create(server, 'a'))).changed).toBe(false);
    await mutators.setProductSoldOut(server, { productId: 'burger', soldOut: false, at: 2 });
    await create(server, 'b');
    expect(await numberOf(server, 'b')).toBe('1');
  });

  it("tickets carry their order's number", async () => {
    await create(server, 'a');
    await mutators.confirmOrder(server, { orderId: 'a', at: 2_000 });
    const day_ = await readOrFail<ServiceDay>(server, serviceDayKey(day), day);
    expect(day_.lastNumber).toBe(1);
    const tickets = (await server.scan({ prefix: 'kitchenOrder/' }).toArray()) as { number?: string }[];
    expect(tickets.map((t) => t.number)).toEqual(['1']);
  });
});
