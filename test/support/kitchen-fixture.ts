import { demoProducts, demoStations, type CreateOrderArgs, type KitchenOrder } from '@kitchensync/shared';
import type { Database } from '../../server/src/db/database.ts';
import { readTickets, waitFor, type Client } from './replicache-client.ts';

/** The demo menu and stations, written by a manager client. */
export async function seedMenu(manager: Client): Promise<void> {
  for (const p of demoProducts) await manager.mutate.upsertProduct(p);
  for (const s of demoStations) await manager.mutate.upsertStation(s);
}

/** A confirmed order (so the kitchen has its tickets): one burger unless told otherwise. */
export async function placeOrder(manager: Client, id: string, items: CreateOrderArgs['items'] = [{ id: 'l1', productId: 'burger', quantity: 1 }]) {
  await manager.mutate.createOrder({ id, channel: 'dine_in', customer: { name: 'Ada' }, items, at: Date.now() });
  await manager.mutate.confirmOrder({ orderId: id, at: Date.now() });
}

/** Waits until the replica holds `count` tickets of `orderId`, and returns them. */
export async function ticketsOf(rep: Client, orderId: string, count = 1): Promise<KitchenOrder[]> {
  await waitFor<KitchenOrder[]>(
    rep,
    async (tx) => (await tx.scan({ prefix: 'kitchenOrder/' }).values().toArray()) as KitchenOrder[],
    (tickets) => tickets.filter((t) => t.orderId === orderId).length >= count,
  );
  return (await readTickets(rep)).filter((t) => t.orderId === orderId);
}

/** The server's record of one client: its last mutation id and the mutation ids its events carry. */
export async function serverRecordOf(db: Database, clientID: string) {
  const client = await db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM replicache_clients WHERE id = $1', [clientID]);
  const events = await db.query<{ mutation_id: number; type: string; data: unknown }>(
    'SELECT mutation_id, type, data FROM events WHERE client_id = $1 ORDER BY seq',
    [clientID],
  );
  return { lastMutationID: client.rows[0]?.last_mutation_id ?? 0, events: events.rows };
}

export async function rejectionRows(db: Database, tenantId: string) {
  return (await db.query<{ key: string }>('SELECT key FROM rejections WHERE tenant_id = $1 ORDER BY key', [tenantId])).rows.map((r) => r.key);
}
