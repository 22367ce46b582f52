import type { EntityKind, ReadonlyJSONValue } from '@kitchensync/shared';
import type { Queryable } from './database.ts';

/** The table behind each replica key kind (rejections live apart: they belong to a client group). */
export const entityTables: Record<Exclude<EntityKind, 'rejection'>, string> = {
  order: 'orders',
  contract: 'contracts',
  kitchenOrder: 'kitchen_orders',
  station: 'stations',
  product: 'products',
  customer: 'customers',
};
export type StoredKind = keyof typeof entityTables;
export const isStoredKind = (kind: EntityKind): kind is StoredKind => kind in entityTables;

export async function getEntity(q: Queryable, tenantId: string, kind: StoredKind, id: string) {
  const { rows } = await q.query<{ data: ReadonlyJSONValue }>(
    `SELECT data FROM ${entityTables[kind]} WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id],
  );
  return rows[0]?.data;
}

export async function getEntities(q: Queryable, tenantId: string, kind: StoredKind, ids: readonly string[]) {
  const { rows } = await q.query<{ id: string; data: ReadonlyJSONValue }>(
    `SELECT id, data FROM ${entityTables[kind]} WHERE tenant_id = $1 AND id = ANY($2::text[])`,
    [tenantId, ids],
  );
  return rows;
}

/** Rows whose id starts with `idPrefix`, in id order. */
export async function scanEntities(q: Queryable, tenantId: string, kind: StoredKind, idPrefix: string) {
  const { rows } = await q.query<{ id: string; data: ReadonlyJSONValue }>(
    `SELECT id, data FROM ${entityTables[kind]} WHERE tenant_id = $1 AND starts_with(id, $2) ORDER BY id COLLATE "C"`,
    [tenantId, idPrefix],
  );
  return rows;
}

/** Inserts or replaces rows; every write takes a fresh version from the global sequence. */
export async function upsertEntities(
  q: Queryable,
  tenantId: string,
  kind: StoredKind,
  rows: readonly { id: string; data: ReadonlyJSONValue }[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO ${entityTables[kind]} (tenant_id, id, data)
     SELECT $1, x.id, x.data FROM jsonb_to_recordset($2::jsonb) AS x(id text, data jsonb)
     ON CONFLICT (tenant_id, id) DO UPDATE
       SET data = EXCLUDED.data, version = nextval('row_version'), updated_at = now()`,
    [tenantId, JSON.stringify(rows)],
  );
}

export async function deleteEntities(q: Queryable, tenantId: string, kind: StoredKind, ids: readonly string[]) {
  if (ids.length === 0) return;
  await q.query(`DELETE FROM ${entityTables[kind]} WHERE tenant_id = $1 AND id = ANY($2::text[])`, [tenantId, ids]);
}

interface TicketRow {
  id: string;
  data: { orderId: string; stationId: string; items: { id: string; productId: string; name: string; quantity: number; status: string; doneAt?: number; consumed?: unknown }[] };
}

/** Keeps kitchen_order_items in step with the tickets just written. */
export async function upsertTicketItems(q: Queryable, tenantId: string, tickets: readonly TicketRow[]): Promise<void> {
  const items = tickets.flatMap((t) =>
    t.data.items.map((i) => ({
      kitchen_order_id: t.id,
      item_id: i.id,
      order_id: t.data.orderId,
      station_id: t.data.stationId,
      product_id: i.productId,
      name: i.name,
      quantity: i.quantity,
      status: i.status,
      done_ms: i.doneAt ?? null,
      consumed: i.consumed ?? null,
    })),
  );
  if (items.length === 0) return;
  await q.query(
    `INSERT INTO kitchen_order_items (tenant_id, kitchen_order_id, item_id, order_id, station_id, product_id, name, quantity, status, done_ms, consumed)
     SELECT $1, x.kitchen_order_id, x.item_id, x.order_id, x.station_id, x.product_id, x.name, x.quantity, x.status, x.done_ms, x.consumed
     FROM jsonb_to_recordset($2::jsonb) AS x(kitchen_order_id text, item_id text, order_id text, station_id text,
       product_id text, name text, quantity int, status text, done_ms bigint, consumed jsonb)
     ON CONFLICT (tenant_id, kitchen_order_id, item_id) DO UPDATE
       SET status = EXCLUDED.status, done_ms = EXCLUDED.done_ms, consumed = EXCLUDED.consumed, station_id = EXCLUDED.station_id`,
    [tenantId, JSON.stringify(items)],
  );
}
