import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
