import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, seedMenu } from '../support/kitchen-fixture.ts';
import { newClient, settle, type Client } from '../support/replicache-client.ts';
import { backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { mutation, productArgs, pull, pullBody, push, pushBody, putKeys, uniqueId, type PullOk } from '../support/sync-protocol.ts';

describe.each(backends)('pull with client view records (%s)', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;
  let manager: Client;
  beforeAll(async () => {
    server = await startServer({ backend });
  });
  afterEach(async () => manager.close());
  afterAll(async () => server.stop());

  /** A fresh tenant whose manager has set up the menu; each test gets its own. */
  async function freshTenant() {
    tenant = await createTenant(server);
    manager = newClient(server, tenant.managerToken);
    await seedMenu(manager);
    await settle(manager);
  }

  const pullAs = async (token: string, group: string, cookie: PullOk['cookie'] | null) => {
    const res = await pull(server, token, pullBody(group, cookie));
    expect(res.status).toBe(200);
    return res.body;
  };
  const changeSomething = (name: string) =>
    push(server, tenant.managerToken, pushBody(uniqueId('group'), [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs(name))]));

  it('answers every changed view with a new object cookie whose order strictly increases', async () => {
    await freshTenant();
    const group = uniqueId('group');
    const cookies = [(await pullAs(tenant.kitchenToken, group, null)).cookie];
    for (const name of ['a', 'b', 'c']) {
      await changeSomething(name);
      cookies.push((await pullAs(tenant.kitchenToken, group, cookies.at(-1) ?? null)).cookie);
    }
    // The restore epoch rides along where the database has one (see restore-epochs.ts).
    for (const cookie of cookies) expect(cookie).toEqual({ order: expect.any(Number), cvrID: expect.any(String), ...('epoch' in cookie ? { epoch: expect.any(String) } : {}) });
    const orders = cookies.map((c) => c.order);
    expect(orders).toEqual([...orders].sort((x, y) => x - y));
    expect(new Set(orders).size).toBe(orders.length);
    expect(new Set(cookies.map((c) => c.cvrID)).size).toBe(cookies.length);
  });

  it('answers an unchanged view with the same cookie and an empty patch', async () => {
    await freshTenant();
    const group = uniqueId('group');
    const first = await pullAs(tenant.managerToken, group, null);
    const again = await pullAs(tenant.managerToken, group, first.cookie);
    expect(again).toEqual({ cookie: first.cookie, lastMutationIDChanges: {}, patch: [] });
  });

  it('sends only what changed since the cookie, and the client ids whose last mutation moved', async () => {
    await freshTenant();
    const group = uniqueId('group');
    const client = uniqueId('client');
    const first = await pullAs(tenant.managerToken, group, null);
    await push(server, tenant.managerToken, pushBody(group, [mutation(client, 1, 'upsertProduct', productArgs('burger', 999))]));
    const next = await pullAs(tenant.managerToken, group, first.cookie);
    expect(next.patch).toEqual([{ op: 'put', key: 'product/burger', value: expect.objectContaining({ priceCents: 999 }) }]);
    expect(next.lastMutationIDChanges).toEqual({ [client]: 1 });
  });

  it('answers a cookie naming an unknown CVR with clear and the full view', async () => {
    await freshTenant();
    const group = uniqueId('group');
    const full = await pullAs(tenant.managerToken, group, null);
    const res = await pullAs(tenant.managerToken, group, { order: full.cookie.order + 5, cvrID: 'no-such-cvr' });
    expect(res.patch[0]).toEqual({ op: 'clear' });
    expect(putKeys(res.patch).sort()).toEqual(putKeys(full.patch).sort());
    expect(res.cookie.order).toBeGreaterThan(full.cookie.order + 5);
  });

  it('treats a cookie from another principal’s CVR as unknown', async () => {
    await freshTenant();
    const managers = await pullAs(tenant.managerToken, uniqueId('group'), null);
    const res = await pullAs(tenant.kitchenToken, uniqueId('group'), managers.cookie);
    expect(res.patch[0]).toEqual({ op: 'clear' });
  });

  it('gives the kitchen tickets, their orders and contracts, stations and products, and nothing outside that', async () => {
    await freshTenant();
    await placeOrder(manager, 'on-rail');
    await manager.mutate.createOrder({ id: 'draft', channel: 'takeaway', customer: { name: 'Bo', phone: '+100' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }], at: Date.now() });
    await settle(manager);

    const managerKeys = putKeys((await pullAs(tenant.managerToken, uniqueId('group'), null)).patch);
    const kitchenKeys = putKeys((await pullAs(tenant.kitchenToken, uniqueId('group'), null)).patch);

    expect(managerKeys).toEqual(expect.arrayContaining(['order/draft', 'order/on-rail']));
    expect(managerKeys.some((k) => k.startsWith('customer/'))).toBe(true);
    expect(kitchenKeys).toContain('order/on-rail');
    expect(kitchenKeys).toContain('contract/on-rail.v1');
    expect(kitchenKeys.filter((k) => k.startsWith('kitchenOrder/')).length).toBe(1);
    expect(kitchenKeys).not.toContain('order/draft');
    expect(kitchenKeys.filter((k) => !/^(order|contract|kitchenOrder|station|product)\//.test(k))).toEqual([]);
    expect(kitchenKeys.filter((k) => /^(station|product)\//.test(k)).sort()).toEqual(managerKeys.filter((k) => /^(station|product)\//.test(k)).sort());
  });

  it('deletes from the replica a row that has left the view', async () => {
    await freshTenant();
    await placeOrder(manager, 'gone');
    await settle(manager);
    const group = uniqueId('group');
    const before = await pullAs(tenant.kitchenToken, group, null);
    const ticketKeys = putKeys(before.patch).filter((k) => k.startsWith('kitchenOrder/'));
    expect(ticketKeys).toHaveLength(1);

    await manager.mutate.cancelOrder({ orderId: 'gone', at: Date.now() });
    await settle(manager);
    // A closed ticket stays on kitchen screens for a day; age it past that.
    await server.running.db.query(
      "UPDATE kitchen_orders SET updated_at = now() - interval '2 days' WHERE tenant_id = $1 AND order_id = 'gone'",
      [tenant.tenantId],
    );

    const after = await pullAs(tenant.kitchenToken, group, before.cookie);
    expect(after.patch.filter((op) => op.op === 'del').map((op) => (op as { key: string }).key).sort()).toEqual(
      [...ticketKeys, 'contract/gone.v1', 'order/gone'].sort(),
    );
    expect(after.patch.some((op) => op.op === 'clear')).toBe(false);
  });
});
