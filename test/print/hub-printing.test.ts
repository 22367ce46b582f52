import type { Order, PrintJob } from '@kitchensync/shared';
import { displayNumber } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubWorld, type HubWorld } from '../hub/hub-support.ts';
import { api } from '../support/server.ts';
import { mutation, push, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';
import { FakePrinter } from './fake-printer.ts';
import { say, screenSocket } from './screen-socket.ts';
import type WebSocket from 'ws';
import type { Station } from '@kitchensync/shared';

let world: HubWorld;
let paper: FakePrinter;
beforeAll(async () => {
  paper = await FakePrinter.start();
  world = await startHubWorld('Printing Bistro', { PRINT_AGENT: 'on', PRINT_AGENT_POLL_MS: '100', PRINT_AGENT_TIMEOUT_MS: '1000' });
}, 120_000);
const sockets: WebSocket[] = [];
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await world?.stop();
  await paper?.close();
});

const atCloud = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await api<T>(world.cloud, world.tenant.managerToken, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A terminal at the restaurant, talking to the hub. */
const terminal = { group: uniqueId('group'), client: uniqueId('client'), next: 1 };
async function orderAtHub(): Promise<string> {
  const id = uniqueId('o-hub');
  const at = Date.now();
  const items = [{ id: 'l1', productId: 'salad', quantity: 1 }];
  const body = pushBody(terminal.group, [
    mutation(terminal.client, terminal.next++, 'createOrder', { id, channel: 'dine_in', customer: { name: 'Hub guest' }, items, at }),
    mutation(terminal.client, terminal.next++, 'confirmOrder', { orderId: id, at }),
  ]);
  expect((await push(world.hub, world.tenant.managerToken, body)).status).toBe(200);
  return id;
}

/** The hub's (or cloud's) record of an order, for its number. */
const numberAt = async (server: { url: string }, id: string) => displayNumber((await api<Order>(server, world.tenant.managerToken, 'GET', `/api/orders/${id}`)).body);
const printedNumbers = () => paper.tickets.map((t) => t.find((l) => l.large)?.text);
const jobsAtCloud = async () => (await atCloud<{ items: PrintJob[] }>('GET', '/api/print-jobs')).items;

describe('printing through a restaurant hub cut off from the cloud', () => {
  it('prints the hub’s orders at once, the cloud’s when they arrive, and nothing twice when the link returns', async () => {
    await atCloud('POST', '/api/printers', { id: 'cold', name: 'Cold line', host: '127.0.0.1', port: paper.port });
    await atCloud('PUT', '/api/printers/cold/assignments', { role: 'primary', stationId: 'cold-1' });
    const before = await orderAtHub();
    await waitUntil(() => paper.tickets.length === 1, 15_000, 'the first ticket');
    // Online, the agent's word reaches the cloud: its dashboard sees the job printed.
    await waitUntil(async () => (await jobsAtCloud()).every((j) => j.status === 'printed'), 10_000, 'printed at the cloud');

    await world.link.cut();
    const atHub = [await orderAtHub(), await orderAtHub()];
    await waitUntil(() => paper.tickets.length === 3, 20_000, 'the hub’s orders printed while cut off');
    // Their numbers as the hub gave them (orders without a terminal's code are numbered again by the cloud).
    const hubNumbers = await Promise.all(atHub.map((id) => numberAt(world.hub, id)));
    const cloudOrder = await atCloud<Order>('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Online guest' }, items: [{ productId: 'salad', quantity: 2 }] });
    await atCloud('PUT', `/api/orders/${cloudOrder.id}/confirm`);
    await new Promise((r) => setTimeout(r, 1500));
    expect(paper.tickets.length).toBe(3);

    await world.link.restore();
    await waitUntil(() => paper.tickets.length === 4, 20_000, 'the cloud’s order printed once it reached the hub');
    await waitUntil(async () => (await world.hub.running.hub?.status())?.pending === 0, 20_000, 'the hub’s outbox drained');
    await waitUntil(async () => {
      const jobs = await jobsAtCloud();
      return jobs.length === 4 && jobs.every((j) => j.status === 'printed');
    }, 20_000, 'every job printed at the cloud');
    // The mirror has caught up; a while later still nothing printed again.
    await new Promise((r) => setTimeout(r, 3000));
    const expected = [await numberAt(world.cloud, before), ...hubNumbers, displayNumber(cloudOrder)];
    expect(printedNumbers()).toEqual(expected);
    expect((await jobsAtCloud()).map((j) => j.attempts)).toEqual([1, 1, 1, 1]);
  }, 120_000);

  it('a station whose screen at the hub went silent prints on its backup at the hub; the cloud hears of backup mode and of the screen’s return', async () => {
    const bar = await FakePrinter.start();
    try {
      const screen = await screenSocket(world.hub.url, world.tenant.kitchenToken, sockets);
      say(screen, ['fry-1']);
      const at = Date.now();
      const id = uniqueId('o-fries');
      const body = pushBody(terminal.group, [
        mutation(terminal.client, terminal.next++, 'createOrder', { id, channel: 'dine_in', customer: { name: 'Hub guest' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }], at }),
        mutation(terminal.client, terminal.next++, 'confirmOrder', { orderId: id, at }),
      ]);
      expect((await push(world.hub, world.tenant.managerToken, body)).status).toBe(200);
      await atCloud('POST', '/api/printers', { id: 'bar', name: 'Bar', host: '127.0.0.1', port: bar.port });
      await atCloud('PUT', '/api/printers/bar/assignments', { role: 'backup', stationId: 'fry-1', backupAfterSeconds: 5 });
      const fryerAtCloud = () => atCloud<Station>('GET', '/api/kitchen/stations/fry-1');
      await waitUntil(() => bar.tickets.length === 1, 20_000, 'the SCREEN DOWN batch at the hub');
      expect(bar.tickets[0]?.map((l) => l.text)).toEqual(expect.arrayContaining(['SCREEN DOWN', await numberAt(world.hub, id)]));
      await waitUntil(async () => (await fryerAtCloud()).screensDownSince !== undefined, 20_000, 'backup mode at the cloud');
      say(screen, ['fry-1']);
      await waitUntil(async () => (await fryerAtCloud()).screensDownSince === undefined, 20_000, 'the screen back at the cloud');
      expect((await fryerAtCloud()).screenDownNotice?.printed).toEqual([{ printerId: 'bar', printerName: 'Bar', numbers: [await numberAt(world.hub, id)] }]);
    } finally {
      await bar.close();
    }
  }, 120_000);
});
