import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Rejection } from '@kitchensync/shared';
import { placeOrder, rejectionRows, seedMenu, ticketsOf } from '../support/kitchen-fixture.ts';
import { startProxy, type Proxy } from '../support/proxy.ts';
import { connectedClient, dataSnapshot, readOrder, serverView, settle, snapshot, type Client } from '../support/replicache-client.ts';
import { backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';

/** A client that reaches the server through its own network link, which the test cuts and restores. */
type Terminal = Awaited<ReturnType<typeof connectedClient>> & { network: Proxy };

const rejectionsIn = async (rep: Client) =>
  Object.entries(await snapshot(rep)).filter(([key]) => key.startsWith('rejection/')) as [string, Rejection][];

describe.each(backends)('a cancel racing a bump while the kitchen is offline (%s)', (backend) => {
  let server: TestServer;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    server = await startServer({ backend });
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => server.stop());

  async function terminal(token: string): Promise<Terminal> {
    const network = await startProxy(server);
    const client = await connectedClient(network, token);
    cleanups.push(network.close, client.close);
    return { ...client, network };
  }

  /** A tenant with one confirmed order on the rail of two kitchen terminals, both now offline. */
  async function scene() {
    const tenant = await createTenant(server);
    const manager = await terminal(tenant.managerToken);
    await seedMenu(manager.rep);
    await placeOrder(manager.rep, 'o1');
    await settle(manager.rep);
    const kitchenA = await terminal(tenant.kitchenToken);
    const kitchenB = await terminal(tenant.kitchenToken);
    const [ticket] = await ticketsOf(kitchenA.rep, 'o1');
    await ticketsOf(kitchenB.rep, 'o1');
    if (!ticket) throw new Error('no ticket');
    await kitchenA.network.cut();
    await kitchenB.network.cut();
    return { tenant, manager, kitchenA, kitchenB, ticket };
  }

  async function startAndBump(kitchen: Terminal, ticket: { id: string; items: { id: string }[] }) {
    const at = Date.now();
    await kitchen.rep.mutate.setKitchenItemStatus({ kitchenOrderId: ticket.id, itemId: ticket.items[0]!.id, status: 'in_progress', at });
    await kitchen.rep.mutate.bumpKitchenOrder({ kitchenOrderId: ticket.id, at });
  }

  async function expectConverged(tenant: TestTenant, clients: { manager: Terminal; kitchens: Terminal[] }) {
    for (const c of [clients.manager, ...clients.kitchens]) await c.rep.pull({ now: true });
    const kitchenTruth = await serverView(server, tenant.kitchenToken);
    for (const k of clients.kitchens) expect(await dataSnapshot(k.rep)).toEqual(kitchenTruth);
    expect(await dataSnapshot(clients.manager.rep)).toEqual(await serverView(server, tenant.managerToken));
    return kitchenTruth;
  }

  it('applies the cancel that arrived first, rejects the late start and bump with a readable reason, and converges', async () => {
    const { tenant, manager, kitchenA, kitchenB, ticket } = await scene();
    await startAndBump(kitchenA, ticket);
    expect((await readOrder(kitchenA.rep, 'o1'))?.status, 'optimistic').toBe('ready');
    const [startMutation, bumpMutation] = await kitchenA.rep.experimentalPendingMutations();
    await manager.rep.mutate.cancelOrder({ orderId: 'o1', at: Date.now() });
    await settle(manager.rep);

    await kitchenA.network.restore();
    await kitchenB.network.restore();
    await settle(kitchenA.rep);

    const rejections = await rejectionsIn(kitchenA.rep);
    expect(rejections.map(([key]) => key)).toEqual(
      [startMutation, bumpMutation].map((m) => `rejection/${kitchenA.rep.clientID}/${m?.id}`).sort(),
    );
    for (const [, rejection] of rejections) {
      expect(rejection.code).toBe('illegal_transition');
      expect(rejection.message).toMatch(/cancelled/);
    }
    expect(rejections.map(([, r]) => r.mutationName).sort()).toEqual(['bumpKitchenOrder', 'setKitchenItemStatus']);

    const truth = await expectConverged(tenant, { manager, kitchens: [kitchenA, kitchenB] });
    expect(truth['order/o1']).toMatchObject({ status: 'cancelled' });
    expect(truth[`kitchenOrder/${ticket.id}`]).toMatchObject({ status: 'cancelled' });
    expect(await rejectionsIn(kitchenB.rep), 'rejections belong to the client group that pushed').toEqual([]);
    expect(await rejectionsIn(manager.rep)).toEqual([]);

    for (const [key] of rejections) await kitchenA.rep.mutate.dismissRejection({ key });
    await settle(kitchenA.rep);
    expect(await rejectionsIn(kitchenA.rep)).toEqual([]);
    expect(await rejectionRows(server.running.db, tenant.tenantId)).toEqual([]);
  });

  it('applies the bump that arrived first and rejects the manager’s later cancel, which needed a reason', async () => {
    const { tenant, manager, kitchenA, kitchenB, ticket } = await scene();
    await manager.network.cut();
    await manager.rep.mutate.cancelOrder({ orderId: 'o1', at: Date.now() });
    await startAndBump(kitchenA, ticket);
    const [cancelMutation] = await manager.rep.experimentalPendingMutations();

    await kitchenA.network.restore();
    await settle(kitchenA.rep);
    await manager.network.restore();
    await kitchenB.network.restore();
    await settle(manager.rep);

    const rejections = await rejectionsIn(manager.rep);
    expect(rejections.map(([key]) => key)).toEqual([`rejection/${manager.rep.clientID}/${cancelMutation?.id}`]);
    expect(rejections[0]?.[1]).toMatchObject({ mutationName: 'cancelOrder', code: 'illegal_transition' });
    expect(await rejectionsIn(kitchenA.rep)).toEqual([]);

    const truth = await expectConverged(tenant, { manager, kitchens: [kitchenA, kitchenB] });
    expect(truth['order/o1']).toMatchObject({ status: 'ready' });
    expect(truth[`kitchenOrder/${ticket.id}`]).toMatchObject({ status: 'ready' });
  });
});
