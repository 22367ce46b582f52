import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoProducts, demoStations } from '@kitchensync/shared';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { placeOrder, seedMenu, ticketsOf } from '../support/kitchen-fixture.ts';
import { connectedClient, listenForPokes, readOrder, settle } from '../support/replicache-client.ts';
import { api, createTenant } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { mutation, productArgs, pull, pullBody, push, pushBody, uniqueId, type PullOk } from '../support/sync-protocol.ts';

describe('two server processes on one Postgres database', () => {
  let storage: DurableStorage;
  let east: ChildServer;
  let west: ChildServer;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    storage = await durableStorage('postgres');
    // Started together: both migrate the same empty database at once.
    [east, west] = await Promise.all([startChildServer(storage), startChildServer(storage)]);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
  });
  afterAll(async () => {
    await Promise.all([east.stop(), west.stop()]);
    await storage.remove();
  });

  it('pokes a client connected to one process when a push lands on the other', async () => {
    const tenant = await createTenant(east);
    const manager = await connectedClient(east, tenant.managerToken);
    const kitchen = await connectedClient(west, tenant.kitchenToken);
    cleanups.push(manager.close, kitchen.close);

    await seedMenu(manager.rep);
    await placeOrder(manager.rep, 'o1');
    await settle(manager.rep);

    const [ticket] = await ticketsOf(kitchen.rep, 'o1');
    expect(kitchen.socket.pokes).toBeGreaterThan(0);
    expect(ticket?.status).toBe('queued');
    expect((await readOrder(kitchen.rep, 'o1'))?.status).toBe('confirmed');
  });

  it('answers a cookie from one process on the other: only what changed since, and nothing when nothing did', async () => {
    const tenant = await createTenant(east);
    const group = uniqueId('group');
    const pullFrom = async (server: ChildServer, cookie: PullOk['cookie'] | null) => {
      const res = await pull(server, tenant.managerToken, pullBody(group, cookie));
      expect(res.status).toBe(200);
      return res.body;
    };
    await push(east, tenant.managerToken, pushBody(uniqueId('group'), [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('soup'))]));
    const first = await pullFrom(east, null);
    await push(west, tenant.managerToken, pushBody(uniqueId('group'), [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('stew', 750))]));
    const next = await pullFrom(west, first.cookie);
    expect(next.patch).toEqual([{ op: 'put', key: 'product/stew', value: expect.objectContaining({ priceCents: 750 }) }]);
    expect(await pullFrom(east, next.cookie)).toEqual({ cookie: next.cookie, lastMutationIDChanges: {}, patch: [] });
  });

  it('pushes of one tenant taking turns between the processes each build on the other’s writes', async () => {
    // Each process runs a known client's push against its copy of the tenant and checks in the
    // write's round trip that nobody moved the head since: after the other process wrote, the copy
    // is refused and the push reads afresh. A station's load is a counter every confirm moves, so a
    // push computed from a stale copy would lose the other process's tickets.
    const tenant = await createTenant(east);
    const terminals = [east, west].map((server) => ({ server, group: uniqueId('group'), client: uniqueId('client'), next: 1 }));
    const send = async (t: (typeof terminals)[number], name: string, args: unknown) => {
      const res = await push(t.server, tenant.managerToken, pushBody(t.group, [mutation(t.client, t.next++, name, args)]));
      expect(res.body).toEqual({});
    };
    const [first] = terminals as [(typeof terminals)[number]];
    for (const args of demoStations) await send(first, 'upsertStation', args);
    for (const args of demoProducts) await send(first, 'upsertProduct', args);
    let orders = 0;
    for (let round = 0; round < 6; round++) {
      for (const t of terminals) {
        // Two in a row on one process: the second goes against that process's fresh copy.
        for (let k = 0; k < 2; k++) {
          const id = `turns-${(orders += 1)}`;
          await send(t, 'createOrder', { id, channel: 'takeaway', customer: { name: 'Turns' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }], at: 1 });
          await send(t, 'confirmOrder', { orderId: id, at: 2 });
        }
      }
    }
    const tickets = await api<{ items: { stationId: string }[] }>(west, tenant.managerToken, 'GET', '/api/kitchen/orders?limit=200');
    expect(tickets.body.items).toHaveLength(orders);
    const stations = await api<{ items: { id: string; openTickets: number }[] }>(east, tenant.managerToken, 'GET', '/api/kitchen/stations');
    const load = Object.fromEntries(stations.body.items.map((s) => [s.id, s.openTickets]));
    const byStation: Record<string, number> = {};
    for (const t of tickets.body.items) byStation[t.stationId] = (byStation[t.stationId] ?? 0) + 1;
    for (const s of demoStations) expect(load[s.id] ?? 0, s.id).toBe(byStation[s.id] ?? 0);
  });

  it('closes the sockets a token holds on the other process when it is revoked', async () => {
    const tenant = await createTenant(east);
    const socket = listenForPokes(west, tenant.kitchenToken, () => undefined);
    await socket.ready;
    expect((await pull(west, tenant.kitchenToken, pullBody(uniqueId('group'), null))).status).toBe(200);

    expect((await api(east, east.adminToken, 'DELETE', `/api/admin/tokens/${tenant.kitchenTokenId}`)).status).toBe(204);

    expect(await socket.closed).toBe(4403);
    expect((await pull(west, tenant.kitchenToken, pullBody(uniqueId('group'), null))).status).toBe(401);
  });
});
