import type { KitchenOrder, KitchenOrderStatus, Ingredient } from '@kitchensync/shared';
import type { Queryable } from './database.ts';
import { findEntity } from './entities.ts';

export interface TicketFilter {
  statuses: readonly KitchenOrderStatus[];
  stationId?: string | undefined;
  /** Keyset: rows strictly after this (createdAt, id), oldest first. */
  after?: { key: number; id: string } | undefined;
  limit: number;
}

const createdMs = "(data->>'createdAt')::bigint";

/** Oldest first: the order a rail is worked in. */
export async function listKitchenOrders(q: Queryable, tenantId: string, f: TicketFilter): Promise<KitchenOrder[]> {
  const { rows } = await q.query<{ data: KitchenOrder }>(
    `SELECT data FROM kitchen_orders
     WHERE tenant_id = $1 AND status = ANY($2::text[])
       AND ($3::text IS NULL OR station_id = $3::text)
       AND ($4::bigint IS NULL OR (${createdMs}, id) > ($4::bigint, $5::text))
     ORDER BY ${createdMs}, id
     LIMIT $6`,
    [tenantId, f.statuses, f.stationId ?? null, f.after?.key ?? null, f.after?.id ?? null, f.limit],
  );
  return rows.map((r) => r.data);
}

export const findKitchenOrder = (q: Queryable, tenantId: string, id: string) => findEntity<KitchenOrder>(q, tenantId, 'kitchenOrder', id);

/** The tickets of one order, by contract version then station; `contractVersion` limits to one version. */
export async function kitchenOrdersOfOrder(q: Queryable, tenantId: string, orderId: string, contractVersion?: number): Promise<KitchenOrder[]> {
  const { rows } = await q.query<{ data: KitchenOrder }>(
    `SELECT data FROM kitchen_orders
     WHERE tenant_id = $1 AND order_id = $2 AND ($3::int IS NULL OR (data->>'contractVersion')::int = $3::int)
     ORDER BY (data->>'contractVersion')::int, id`,
    [tenantId, orderId, contractVersion ?? null],
  );
  return rows.map((r) => r.data);
}

export interface ConsumedItemRow {
  order_id: string;
  kitchen_order_id: string;
  item_id: string;
  name: string;
  quantity: number;
  done_ms: number;
  consumed: Ingredient[];
}

/**
 * Items whose ingredients were consumed. An item carried onto a re-issued ticket keeps its
 * consumption, so each (order, item) counts once: the row of its earliest ticket.
 */
const consumedItems = (where: string) => `
  SELECT DISTINCT ON (order_id, item_id) order_id, kitchen_order_id, item_id, name, quantity, done_ms, consumed
  FROM kitchen_order_items
  WHERE tenant_id = $1 AND consumed IS NOT NULL AND ${where}
  ORDER BY order_id, item_id, done_ms, kitchen_order_id`;

export async function consumedItemsOfOrder(q: Queryable, tenantId: string, orderId: string): Promise<ConsumedItemRow[]> {
  const { rows } = await q.query<ConsumedItemRow>(`${consumedItems('order_id = $2')}`, [tenantId, orderId]);
  return rows.sort((a, b) => a.done_ms - b.done_ms || (a.item_id < b.item_id ? -1 : 1));
}

export interface IngredientTotal {
  name: string;
  unit: string;
  quantity: number;
  items: number;
  orders: number;
}

/** Ingredients consumed by items completed in `[from, to)`, summed by name and unit. */
export async function consumptionBetween(q: Queryable, tenantId: string, from: number, to: number): Promise<IngredientTotal[]> {
  const { rows } = await q.query<IngredientTotal>(
    `SELECT c->>'name' AS name, c->>'unit' AS unit, sum((c->>'quantity')::float8)::float8 AS quantity,
            count(*)::int AS items, count(DISTINCT i.order_id)::int AS orders
     FROM (${consumedItems('done_ms >= $2 AND done_ms < $3')}) i, jsonb_array_elements(i.consumed) c
     GROUP BY 1, 2 ORDER BY 1, 2`,
    [tenantId, from, to],
  );
  return rows;
}
