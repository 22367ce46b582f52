import type { KitchenOrder, Order } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, ticketsOf } from '../support/kitchen-fixture.ts';
import type { Database } from '../../server/src/db/database.ts';
import { connectedClient, newClient, settle, waitFor, type Client } from '../support/replicache-client.ts';
import { mutation, pull, pullBody, push, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';
import { startHubWorld, type HubWorld } from './hub-support.ts';

type Terminal = Awaited<ReturnType<typeof connectedClient>>;

const orderOf = (rep: Client, id: string) => rep.query(async (tx) => (await tx.get(`order/${id}`)) as Order | undefined);

/**
 * What the hub applied alone while cut off is replaced by what the cloud decided, on the hub and on
 * every screen behind it: rejections with the cloud's reason, and orders that left a kitchen's view.
 */
describe('a hub rolled back to the cloud’s outcome after a cut (cloud on Postgres, hub on PGlite)', () => {
  let world: HubWorld;
  let dashboard: Terminal;
  let grill: Terminal;

  beforeAll(async () => {
    world = await startHubWorld('Rollback Bistro');
    dashboard = await connectedClient(world.hub, world.tenant.managerToken);
    grill = await connectedClient(world.hub, world.tenant.kitchenToken);
  }, 60_000);
  afterAll(async () => {
    for (const t of [dashboard, grill]) await t?.close();
    await world?.stop();
  });

  const drained = () => waitUntil(async () => (await world.hub.running.hub?.status())?.pending === 0, 15_000, 'the outbox to drain');

  it('replaces the hub’s reason for a rejection with the cloud’s, at the hub and on the terminal', async () => {
    await placeOrder(dashboard.rep, 'reason-1');
    await settle(dashboard.rep);
    const [ticket] = (await ticketsOf(grill.rep, 'reason-1')) as [KitchenOrder];
    await grill.rep.mutate.bumpKitchenOrder({ kitchenOrderId: ticket.id, at: Date.now() });
    await settle(grill.rep);
    await world.cloudManager.rep.pull({ now: true });
    await waitFor(world.cloudManager.rep, (tx) => tx.get('order/reason-1'), (o) => (o as Order | undefined)?.status === 'ready');

    await world.link.cut();
    await world.cloudManager.rep.mutate.cancelOrder({ orderId: 'reason-1', reason: 'guest left', at: Date.now() });
    await settle(world.cloudManager.rep);
    // A terminal whose screen lagged starts an item of the ready ticket: the hub refuses it for its own reason.
    const group = uniqueId('g');
    const client = uniqueId('c');
    const item = ticket.items[0] as KitchenOrder['items'][number];
    const start = mutation(client, 1, 'setKitchenItemStatus', { kitchenOrderId: ticket.id, itemId: item.id, status: 'in_progress', at: Date.now() });
    expect((await push(world.hub, world.tenant.kitchenToken, pushBody(group, [start]))).status).toBe(200);
    const before = await pull(world.hub, world.tenant.kitchenToken, pullBody(group, null));
    const hubReason = before.body.patch.find((op) => op.op === 'put' && op.key.startsWith('rejection/'));
    expect(hubReason).toBeDefined();

    await world.link.restore();
    await drained();
    const rowsAt = async (server: { running: { db: Database } }) =>
      (await server.running.db.query<{ key: string; data: unknown }>('SELECT key, data FROM rejections WHERE client_group_id = $1 ORDER BY key', [group])).rows;
    await waitUntil(async () => JSON.stringify(await rowsAt(world.hub)) === JSON.stringify(await rowsAt(world.cloud)), 10_000, 'the hub to hold the cloud’s rejection');
    const [atCloud] = await rowsAt(world.cloud);
    expect(atCloud?.data).not.toEqual(hubReason?.op === 'put' ? hubReason.value : undefined);

    // The terminal's next pull brings the cloud's reason in place of the hub's.
    const after = await pull(world.hub, world.tenant.kitchenToken, pullBody(group, before.body.cookie as never));
    expect(after.body.patch).toContainEqual({ op: 'put', key: atCloud?.key, value: atCloud?.data });
  });

  it('takes an order off a kitchen screen when the rollback removes the tickets that showed it', async () => {
    await dashboard.rep.mutate.createOrder({ id: 'gone-1', channel: 'dine_in', customer: { name: 'Bo' }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() });
    await settle(dashboard.rep);
    await world.cloudManager.rep.pull({ now: true });
    await waitFor(world.cloudManager.rep, (tx) => tx.get('order/gone-1'), (o) => o !== undefined);

    await world.link.cut();
    // The cloud sells out the burger; the hub, not knowing, confirms the order and fires its ticket.
    await world.cloudManager.rep.mutate.setProductSoldOut({ productId: 'burger', soldOut: true, at: Date.now() });
    await settle(world.cloudManager.rep);
    await dashboard.rep.mutate.confirmOrder({ orderId: 'gone-1', at: Date.now() });
    await ticketsOf(grill.rep, 'gone-1');
    expect(await orderOf(grill.rep, 'gone-1')).toBeDefined();

    await world.link.restore();
    await drained();
    await waitUntil(async () => (await orderOf(dashboard.rep, 'gone-1'))?.status === 'draft', 10_000, 'the dashboard to show the cloud’s draft');
    await waitUntil(async () => (await orderOf(grill.rep, 'gone-1')) === undefined, 10_000, 'the order to leave the kitchen screen');
    expect(await grill.rep.query(async (tx) => tx.scan({ prefix: 'contract/gone-1' }).keys().toArray())).toEqual([]);

    // A kitchen pulling from scratch at the hub sees the same.
    const fresh = newClient(world.hub, world.tenant.kitchenToken);
    await fresh.pull({ now: true });
    await settle(fresh);
    expect(await orderOf(fresh, 'gone-1')).toBeUndefined();
    await fresh.close();
    await world.cloudManager.rep.mutate.setProductSoldOut({ productId: 'burger', soldOut: false, at: Date.now() });
    await settle(world.cloudManager.rep);
  });
});
