import { localServiceDayOf, type KitchenOrder, type Order } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { seedMenu } from '../support/kitchen-fixture.ts';
import { startProxy } from '../support/proxy.ts';
import { connectedClient, readOrder, settle, type Client } from '../support/replicache-client.ts';
import { api, backends, createTenant, type TestServer } from '../support/server.ts';
import { suiteServer } from '../support/suite-server.ts';

const burger = [{ id: 'l1', productId: 'burger', quantity: 1 }];
const perTerminal = 6;

/** Every order of the tenant, over REST (the list pages by 200). */
async function allOrders(server: TestServer, token: string): Promise<Order[]> {
  const res = await api<{ items: Order[] }>(server, token, 'GET', '/api/orders?limit=200');
  expect(res.status).toBe(200);
  return res.body.items;
}

describe.each(backends)('order numbers, unique within a service day (%s)', (backend) => {
  const suite = suiteServer({ backend });

  it('terminals cut off at once number their orders offline, REST and an older client get server numbers, and no number repeats', async () => {
    const { server, defer } = suite;
    const tenant = await createTenant(server);
    const seeding = await connectedClient(server, tenant.managerToken);
    defer(seeding.close);
    await seedMenu(seeding.rep);
    await settle(seeding.rep);
    const serviceDay = localServiceDayOf(Date.now());

    // Three tills claim their codes while online; a fourth never did before the network went.
    const tills: { id: string; rep: Client; cut(): Promise<void>; restore(): Promise<void> }[] = [];
    for (const id of ['till-a', 'till-b', 'till-c', 'till-new']) {
      const network = await startProxy(server);
      const client = await connectedClient(network, tenant.managerToken);
      defer(network.close, client.close);
      if (id !== 'till-new') {
        await client.rep.mutate.claimTerminalCode({ terminalId: id, serviceDay });
        await settle(client.rep);
      }
      tills.push({ id, rep: client.rep, cut: network.cut, restore: network.restore });
    }
    for (const till of tills) await till.rep.pull({ now: true });
    for (const till of tills) await till.cut();

    // All four take orders at the same time, offline.
    await Promise.all(
      tills.map(async (till) => {
        for (let n = 0; n < perTerminal; n++) {
          await till.rep.mutate.createOrder({ id: `${till.id}-${n}`, channel: 'takeaway', customer: { name: 'Ada' }, items: burger, terminalId: till.id, serviceDay, at: Date.now() });
        }
      }),
    );
    const offline = new Map<string, string | undefined>();
    for (const till of tills) for (let n = 0; n < perTerminal; n++) offline.set(`${till.id}-${n}`, (await readOrder(till.rep, `${till.id}-${n}`))?.number);
    const offlineOf = (till: string) => Array.from({ length: perTerminal }, (_, n) => offline.get(`${till}-${n}`));
    const codes = ['till-a', 'till-b', 'till-c'].map((t) => offlineOf(t)[0]?.split('-')[0]);
    expect(new Set(codes).size, 'three distinct codes').toBe(3);
    for (const till of ['till-a', 'till-b', 'till-c']) {
      expect(offlineOf(till), `${till} numbers offline`).toEqual(Array.from({ length: perTerminal }, (_, n) => `${offlineOf(till)[0]?.split('-')[0]}-${n + 1}`));
    }
    expect(offlineOf('till-new'), 'a till without its code waits for the server').toEqual(Array(perTerminal).fill(undefined));

    // Meanwhile the server takes orders over REST and from an older client (no terminal, no day).
    const rest = await api<Order>(server, tenant.managerToken, 'POST', '/api/orders', { channel: 'takeaway', customer: { name: 'Rest' }, items: [{ productId: 'fries', quantity: 1 }] });
    expect(rest.status).toBe(201);
    expect(rest.body.number).toBe('1');
    expect(rest.body.serviceDay).toBe(serviceDay);
    await seeding.rep.mutate.createOrder({ id: 'older-client', channel: 'takeaway', customer: { name: 'Old' }, items: burger, at: Date.now() });
    await settle(seeding.rep);
    expect((await readOrder(seeding.rep, 'older-client'))?.number).toBe('2');

    await Promise.all(tills.map(async (till) => till.restore()));
    for (const till of tills) await settle(till.rep, 20_000);
    // Settled one after another: a till settled early has not pulled the others' orders yet.
    for (const till of tills) await settle(till.rep);

    const orders = await allOrders(server, tenant.managerToken);
    expect(orders).toHaveLength(4 * perTerminal + 2);
    const numbers = orders.map((o) => o.number);
    expect(numbers.every((n) => typeof n === 'string')).toBe(true);
    expect(new Set(numbers).size, 'no number repeats').toBe(numbers.length);
    expect(new Set(orders.map((o) => o.serviceDay))).toEqual(new Set([serviceDay]));
    const byId = new Map(orders.map((o) => [o.id, o.number]));
    for (const [id, number] of offline) if (number !== undefined) expect(byId.get(id), `${id} kept its offline number`).toBe(number);
    // The fourth till got a code of its own at the server, on its first order.
    const late = Array.from({ length: perTerminal }, (_, n) => byId.get(`till-new-${n}`));
    const lateCode = late[0]?.split('-')[0];
    expect(codes).not.toContain(lateCode);
    expect(late).toEqual(Array.from({ length: perTerminal }, (_, n) => `${lateCode}-${n + 1}`));

    // Every screen says the same: each till's replica, REST by id, and the kitchen's tickets.
    for (const till of tills) for (const o of orders) expect((await readOrder(till.rep, o.id))?.number).toBe(o.number);
    const one = await api<Order>(server, tenant.managerToken, 'GET', '/api/orders/till-b-3');
    expect(one.body.number).toBe(byId.get('till-b-3'));
    await api(server, tenant.managerToken, 'PUT', '/api/orders/till-b-3/confirm');
    const tickets = await api<{ items: KitchenOrder[] }>(server, tenant.kitchenToken, 'GET', '/api/kitchen/orders/by-order/till-b-3');
    expect(tickets.body.items.map((t) => t.number)).toEqual(tickets.body.items.map(() => byId.get('till-b-3')));
  }, 90_000);
});
