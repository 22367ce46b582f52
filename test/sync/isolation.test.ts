import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '@kitchensync/shared';
import { placeOrder, seedMenu } from '../support/kitchen-fixture.ts';
import { connectedClient, listenForPokes, openSocket, readOrder, settle } from '../support/replicache-client.ts';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { mutation, productArgs, pull, pullBody, push, pushBody, putKeys, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';

describe.each(backends)('tenant and role isolation (%s)', (backend) => {
  let server: TestServer;
  let a: TestTenant;
  let b: TestTenant;
  let managerA: Awaited<ReturnType<typeof connectedClient>>;
  let trackedOrder: Order;

  beforeAll(async () => {
    server = await startServer({ backend });
    a = await createTenant(server, 'Tenant A');
    b = await createTenant(server, 'Tenant B');
    managerA = await connectedClient(server, a.managerToken);
    await seedMenu(managerA.rep);
    await placeOrder(managerA.rep, 'a1');
    await placeOrder(managerA.rep, 'a2');
    await settle(managerA.rep);
    trackedOrder = (await readOrder(managerA.rep, 'a1')) as Order;
  });
  afterAll(async () => {
    await managerA.close();
    await server.stop();
  });

  const freshPull = (token: string) => pull(server, token, pullBody(uniqueId('group'), null));

  it('gives a tenant-B token none of tenant A’s rows, even under the same ids', async () => {
    await push(server, b.managerToken, pushBody(uniqueId('group'), [mutation(uniqueId('c'), 1, 'upsertProduct', { ...productArgs('burger'), name: 'B burger' })]));

    for (const token of [b.managerToken, b.kitchenToken]) {
      const res = await freshPull(token);
      expect(res.status).toBe(200);
      const puts = res.body.patch.flatMap((op) => (op.op === 'put' ? [op] : []));
      expect(puts.map((op) => op.key)).toEqual(['product/burger']);
      expect(puts[0]?.value).toMatchObject({ name: 'B burger' });
    }
  });

  it('refuses a tenant-B push or pull on tenant A’s client group with 403', async () => {
    const groupOfA = await managerA.rep.clientGroupID;
    const intrusion = pushBody(groupOfA, [mutation(managerA.rep.clientID, 1000, 'cancelOrder', { orderId: 'a1', at: Date.now() })]);

    const pushed = await push(server, b.managerToken, intrusion);
    expect(pushed.status).toBe(403);
    expect(pushed.body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await pull(server, b.managerToken, pullBody(groupOfA, null))).status).toBe(403);
    // A's own client id smuggled into a group of B's is refused as well.
    expect((await push(server, b.managerToken, pushBody(uniqueId('group'), intrusion.mutations))).status).toBe(403);
    expect((await readOrder(managerA.rep, 'a1'))?.status).toBe('confirmed');
  });

  it('pokes no socket of tenant B for a change in tenant A', async () => {
    const socketA = listenForPokes(server, a.kitchenToken, () => undefined);
    const socketB = listenForPokes(server, b.kitchenToken, () => undefined);
    await Promise.all([socketA.ready, socketB.ready]);
    try {
      await push(server, a.managerToken, pushBody(uniqueId('group'), [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('a-only'))]));
      await waitUntil(() => socketA.pokes > 0, 5000, 'the poke of tenant A');
      // Notifications arrive in commit order, so B's own poke comes after any stray one from A.
      await push(server, b.managerToken, pushBody(uniqueId('group'), [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('b-only'))]));
      await waitUntil(() => socketB.pokes > 0, 5000, 'the poke of tenant B');
      expect(socketB.pokes).toBe(1);
    } finally {
      socketA.close();
      socketB.close();
    }
  });

  it('lets a customer tracking token pull exactly its order, and nothing else', async () => {
    const res = await freshPull(trackedOrder.trackingToken);
    expect(res.status).toBe(200);
    expect(putKeys(res.body.patch)).toEqual(['order/a1']);
  });

  it('refuses every push of a customer tracking token with 403', async () => {
    const res = await push(server, trackedOrder.trackingToken, pushBody(uniqueId('group'), [mutation(uniqueId('c'), 1, 'cancelOrder', { orderId: 'a1', at: 1 })]));
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('pokes a customer only when its own order changes', async () => {
    const customer = listenForPokes(server, trackedOrder.trackingToken, () => undefined);
    const staff = listenForPokes(server, a.kitchenToken, () => undefined);
    await Promise.all([customer.ready, staff.ready]);
    try {
      await managerA.rep.mutate.setOrderStatus({ orderId: 'a2', status: 'in_preparation', at: Date.now() });
      await settle(managerA.rep);
      await waitUntil(() => staff.pokes > 0, 5000, 'the staff poke');
      await managerA.rep.mutate.setOrderStatus({ orderId: 'a1', status: 'in_preparation', at: Date.now() });
      await settle(managerA.rep);
      await waitUntil(() => customer.pokes > 0, 5000, 'the customer poke');
      expect(customer.pokes).toBe(1);
    } finally {
      customer.close();
      staff.close();
    }
  });

  it('refuses admin endpoints to kitchen and manager tokens with 403', async () => {
    for (const token of [a.kitchenToken, a.managerToken]) {
      const attempts = [
        await api(server, token, 'POST', '/api/admin/tenants', { name: 'Mine now' }),
        await api(server, token, 'GET', '/api/admin/tenants'),
        await api(server, token, 'POST', `/api/admin/tenants/${a.tenantId}/tokens`, { role: 'manager', label: 'x' }),
        await api(server, token, 'DELETE', `/api/admin/tokens/${a.managerTokenId}`),
        await api(server, token, 'GET', '/api/admin/stats'),
      ];
      for (const res of attempts) expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    }
  });

  it('answers 401 to requests with no token or an unknown one', async () => {
    for (const token of [undefined, 'ks_manager_not-a-real-token-at-all']) {
      const attempts = [
        await push(server, token, pushBody(uniqueId('group'), [])),
        await pull(server, token, pullBody(uniqueId('group'), null)),
        await api(server, token, 'GET', '/api/admin/tenants'),
      ];
      for (const res of attempts) expect(res).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
    }
  });

  it('closes a socket whose hello is malformed or carries a bad token with 4401', async () => {
    const hellos = [
      'not json',
      JSON.stringify({ type: 'hi' }),
      JSON.stringify({ type: 'hello', token: 'ks_kitchen_unknown-token-value' }),
      // The admin belongs to no tenant, so there is nothing to poke it about.
      JSON.stringify({ type: 'hello', token: server.adminToken }),
    ];
    const codes = await Promise.all(hellos.map((hello) => openSocket(server, hello).closed));
    expect(codes).toEqual([4401, 4401, 4401, 4401]);
  });

  it('turns a revoked token away with 401 at once and closes its open sockets', async () => {
    const issued = await api(server, server.adminToken, 'POST', `/api/admin/tenants/${a.tenantId}/tokens`, { role: 'kitchen', label: 'lost tablet' });
    const token = issued.body.token as string;
    const socket = listenForPokes(server, token, () => undefined);
    await socket.ready;
    expect((await freshPull(token)).status).toBe(200);

    expect((await api(server, server.adminToken, 'DELETE', `/api/admin/tokens/${issued.body.id}`)).status).toBe(204);

    expect((await freshPull(token)).status).toBe(401);
    expect(await socket.closed).toBe(4403);
    expect((await push(server, token, pushBody(uniqueId('group'), []))).status).toBe(401);
  });
});
