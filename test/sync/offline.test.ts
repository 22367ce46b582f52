import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedMenu, placeOrder, rejectionRows, serverRecordOf, ticketsOf } from '../support/kitchen-fixture.ts';
import { startProxy } from '../support/proxy.ts';
import { connectedClient, dataSnapshot, pendingCount, readOrder, readTickets, serverView, settle } from '../support/replicache-client.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';

describe.each(backends)('a kitchen terminal that loses the network (%s)', (backend) => {
  let server: TestServer;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    server = await startServer({ backend });
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => server.stop());

  it('keeps mutating locally and, once reconnected, has every mutation applied exactly once and equals the server', async () => {
    const tenant = await createTenant(server);
    const manager = await connectedClient(server, tenant.managerToken);
    cleanups.push(manager.close);
    await seedMenu(manager.rep);
    await placeOrder(manager.rep, 'o1', [
      { id: 'l1', productId: 'burger', quantity: 1 },
      { id: 'l2', productId: 'fries', quantity: 2 },
    ]);
    await settle(manager.rep);

    const network = await startProxy(server);
    cleanups.push(network.close);
    const kitchen = await connectedClient(network, tenant.kitchenToken);
    const neighbour = await connectedClient(server, tenant.kitchenToken);
    cleanups.push(kitchen.close, neighbour.close);
    const tickets = await ticketsOf(kitchen.rep, 'o1', 2);
    const grill = tickets.find((t) => t.stationType === 'grill');
    const fry = tickets.find((t) => t.stationType === 'fry');
    if (!grill || !fry) throw new Error('expected a grill and a fry ticket');

    await network.cut();
    const at = Date.now();
    await kitchen.rep.mutate.setKitchenItemStatus({ kitchenOrderId: grill.id, itemId: grill.items[0]!.id, status: 'in_progress', at });
    await kitchen.rep.mutate.bumpKitchenOrder({ kitchenOrderId: grill.id, at });
    await kitchen.rep.mutate.recallKitchenOrder({ kitchenOrderId: grill.id, at });
    await kitchen.rep.mutate.bumpKitchenOrder({ kitchenOrderId: grill.id, at });
    await kitchen.rep.mutate.bumpKitchenOrder({ kitchenOrderId: fry.id, at });
    // Meanwhile the manager, online, takes another order.
    await placeOrder(manager.rep, 'o2');
    await settle(manager.rep);

    await kitchen.rep.push({ now: true });
    expect(kitchen.rep.online, 'its pushes fail').toBe(false);
    expect(await pendingCount(kitchen.rep)).toBe(5);
    expect((await readOrder(kitchen.rep, 'o1'))?.status).toBe('ready');
    expect((await readTickets(kitchen.rep)).map((t) => t.status)).toEqual(['ready', 'ready']);
    expect((await serverView(server, tenant.kitchenToken))['order/o1'], 'the server has not heard of it').toMatchObject({ status: 'confirmed' });

    await network.restore();
    await settle(kitchen.rep);

    const record = await serverRecordOf(server.running.db, kitchen.rep.clientID);
    expect(record.lastMutationID).toBe(5);
    expect([...new Set(record.events.map((e) => e.mutation_id))]).toEqual([1, 2, 3, 4, 5]);
    const distinct = new Set(record.events.map((e) => `${e.mutation_id}:${JSON.stringify(e.data)}`));
    expect(distinct.size, 'no event recorded twice').toBe(record.events.length);
    expect(await rejectionRows(server.running.db, tenant.tenantId)).toEqual([]);

    for (const c of [kitchen, neighbour, manager]) await c.rep.pull({ now: true });
    const kitchenTruth = await serverView(server, tenant.kitchenToken);
    expect((kitchenTruth['order/o1'] as { status: string }).status).toBe('ready');
    expect(kitchenTruth['order/o2']).toBeDefined();
    expect(await dataSnapshot(kitchen.rep)).toEqual(kitchenTruth);
    expect(await dataSnapshot(neighbour.rep)).toEqual(kitchenTruth);
    expect(await dataSnapshot(manager.rep)).toEqual(await serverView(server, tenant.managerToken));
  });
});
