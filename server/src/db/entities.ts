import { keyPrefix, type EntityKind, type ReadonlyJSONValue } from '@kitchensync/shared';
import type { Queryable } from './database.ts';
import { StatementBatch } from './statement-batch.ts';

/** The table behind each replica key kind (rejections live apart: they belong to a client group). */
export const entityTables: Record<Exclude<EntityKind, 'rejection'>, string> = {
  order: 'orders',
  contract: 'contracts',
  kitchenOrder: 'kitchen_orders',
  station: 'stations',
  product: 'products',
  customer: 'customers',
  printer: 'printers',
  printJob: 'print_jobs',
  serviceDay: 'service_days',
};
export type StoredKind = keyof typeof entityTables;
export const isStoredKind = (kind: EntityKind): kind is StoredKind => kind in entityTables;

/** The one "row by tenant and id" select: an entity's value, or undefined. */
export async function findEntity<T>(q: Queryable, tenantId: string, kind: StoredKind, id: string): Promise<T | undefined> {
  const { rows } = await q.query<{ data: T }>(`SELECT data FROM ${entityTables[kind]} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0]?.data;
}

/** SQL of rows of several kinds by id, as `key, data` with replica keys; `param` places a value (a tenant id, an id list). */
export function entitiesSql(tenantId: string, idsByKind: ReadonlyMap<StoredKind, readonly string[]>, param: (value: unknown) => string): string {
  const tenant = param(tenantId);
  return [...idsByKind]
    .map(([kind, ids]) => `SELECT '${keyPrefix[kind]}' || id AS key, data FROM ${entityTables[kind]} WHERE tenant_id = ${tenant} AND id = ANY(${param(ids)}::text[])`)
    .join('\nUNION ALL ');
}

/** Rows of several kinds by id, in one statement. */
export async function getEntities(q: Queryable, tenantId: string, idsByKind: ReadonlyMap<StoredKind, readonly string[]>) {
  if (idsByKind.size === 0) return [];
  const params: unknown[] = [];
  const sql = entitiesSql(tenantId, idsByKind, (v) => `$${params.push(v)}`);
  const { rows } = await q.query<{ key: string; data: ReadonlyJSONValue }>(sql, params);
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

/**
 * Inserts or replaces rows; every write takes a fresh version from the global sequence. `onlyChanged`
 * (a hub mirroring its cloud) leaves a row whose value is the same as it is, version and all.
 */
export function upsertEntities(
  b: StatementBatch,
  tenantId: string,
  kind: StoredKind,
  rows: readonly { id: string; data: unknown }[],
  { onlyChanged = false } = {},
): void {
  if (rows.length === 0) return;
  const table = entityTables[kind];
  b.add(`INSERT INTO ${table} (tenant_id, id, data)
     SELECT ${b.param(tenantId)}, x.id, x.data FROM jsonb_to_recordset(${b.param(JSON.stringify(rows))}::jsonb) AS x(id text, data jsonb)
     ON CONFLICT (tenant_id, id) DO UPDATE
       SET data = EXCLUDED.data, version = nextval('row_version'), updated_at = now()${onlyChanged ? `\n     WHERE ${table}.data IS DISTINCT FROM EXCLUDED.data` : ''}`);
}

export function deleteEntities(b: StatementBatch, tenantId: string, kind: StoredKind, ids: readonly string[]): void {
  if (ids.length === 0) return;
  b.add(`DELETE FROM ${entityTables[kind]} WHERE tenant_id = ${b.param(tenantId)} AND id = ANY(${b.param(ids)}::text[])`);
}

/** Every row of a kind but `keep` (a hub dropping what its cloud does not have), with a ticket's items. */
export function deleteEntitiesExcept(b: StatementBatch, tenantId: string, kind: StoredKind, keep: readonly string[]): void {
  const tenant = b.param(tenantId);
  const kept = b.param(keep);
  b.add(`DELETE FROM ${entityTables[kind]} WHERE tenant_id = ${tenant} AND NOT (id = ANY(${kept}::text[]))`);
  if (kind === 'kitchenOrder') b.add(`DELETE FROM kitchen_order_items WHERE tenant_id = ${tenant} AND NOT (kitchen_order_id = ANY(${kept}::text[]))`);
}

interface TicketRow {
  id: string;
  data: { orderId: string; stationId: string; items: { id: string; productId: string; name: string; quantity: number; status: string; doneAt?: number; consumed?: unknown }[] };
}

/** Keeps kitchen_order_items in step with the tickets just written. */
export function ticketItemsPart(b: StatementBatch, tenantId: string, tickets: readonly TicketRow[]): void {
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
  b.add(`INSERT INTO kitchen_order_items (tenant_id, kitchen_order_id, item_id, order_id, station_id, product_id, name, quantity, status, done_ms, consumed)
     SELECT ${b.param(tenantId)}, x.kitchen_order_id, x.item_id, x.order_id, x.station_id, x.product_id, x.name, x.quantity, x.status, x.done_ms, x.consumed
     FROM jsonb_to_recordset(${b.param(JSON.stringify(items))}::jsonb) AS x(kitchen_order_id text, item_id text, order_id text, station_id text,
       product_id text, name text, quantity int, status text, done_ms bigint, consumed jsonb)
     ON CONFLICT (tenant_id, kitchen_order_id, item_id) DO UPDATE
       SET status = EXCLUDED.status, done_ms = EXCLUDED.done_ms, consumed = EXCLUDED.consumed, station_id = EXCLUDED.station_id`);
}
