import { keyPrefix, parseKey, type ReadonlyJSONValue } from '@kitchensync/shared';
import type { Principal } from '../auth/principal.ts';
import type { Queryable } from '../db/database.ts';
import { entityTables, getEntities, isStoredKind, type StoredKind } from '../db/entities.ts';

/**
 * Kitchen terminals see held courses (greyed until fired) and what is on the line, and keep
 * bumped tickets of the last day, so any of them can be recalled.
 */
const kitchenMemory = "interval '24 hours'";

const allOf = (kind: StoredKind) =>
  `SELECT '${keyPrefix[kind]}' || id AS key, version FROM ${entityTables[kind]} WHERE tenant_id = $1`;
const rejectionsOfGroup = 'SELECT key, version FROM rejections WHERE client_group_id = $2';

/** Permissions live here, in the view query: what each role's replica may hold. */
const viewSql: Record<'manager' | 'kitchen' | 'customer', string> = {
  manager: [...(Object.keys(entityTables) as StoredKind[]).map(allOf), rejectionsOfGroup].join('\nUNION ALL '),
  kitchen: `WITH tickets AS (
      SELECT id, order_id, version FROM kitchen_orders
      WHERE tenant_id = $1 AND (status IN ('held', 'queued', 'in_progress') OR updated_at > now() - ${kitchenMemory}))
    SELECT 'kitchenOrder/' || id AS key, version FROM tickets
    UNION ALL SELECT 'order/' || id, version FROM orders WHERE tenant_id = $1 AND id IN (SELECT order_id FROM tickets)
    UNION ALL SELECT 'contract/' || id, version FROM contracts WHERE tenant_id = $1 AND order_id IN (SELECT order_id FROM tickets)
    UNION ALL ${allOf('station')}
    UNION ALL ${allOf('product')}
    UNION ALL ${rejectionsOfGroup}`,
  customer: `SELECT 'order/' || id AS key, version FROM orders WHERE tenant_id = $1 AND id = $2`,
};

export type ViewRole = keyof typeof viewSql;
export const hasView = (role: string): role is ViewRole => role in viewSql;

export type Viewer = Principal & { role: ViewRole };

// Postgres cannot type a parameter the statement never uses (a 500), so each role binds exactly its own.
const viewParams = (viewer: Viewer, clientGroupId: string) =>
  viewer.role === 'customer' ? [viewer.tenantId, viewer.orderId] : [viewer.tenantId, clientGroupId];

/**
 * `{key: version}` of everything this principal may see, or only of rows written after `since`.
 * Versions come from one sequence and every row of a tenant is written under the tenant's lock,
 * so within a tenant a later commit always carries a higher version.
 */
export async function viewVersions(q: Queryable, viewer: Viewer, clientGroupId: string, since = -1) {
  const { rows } = await q.query<{ key: string; version: number }>(
    `SELECT key, version FROM (${viewSql[viewer.role]}) v WHERE version > $3`,
    [...viewParams(viewer, clientGroupId), since],
  );
  return new Map(rows.map((r) => [r.key, r.version]));
}

/** How many rows the view holds and its highest version: equal to a CVR's, nothing changed. */
export async function viewSummary(q: Queryable, viewer: Viewer, clientGroupId: string) {
  const { rows } = await q.query<{ count: number; max: number }>(
    `SELECT count(*)::int AS count, coalesce(max(version), 0) AS max FROM (${viewSql[viewer.role]}) v`,
    viewParams(viewer, clientGroupId),
  );
  return rows[0] ?? { count: 0, max: 0 };
}

/** Full values for keys already known to be in the view. */
export async function fetchValues(q: Queryable, tenantId: string, clientGroupId: string, keys: readonly string[]) {
  const byKind = new Map<StoredKind, string[]>();
  const rejectionKeys: string[] = [];
  for (const key of keys) {
    const parsed = parseKey(key);
    if (!parsed) continue;
    if (isStoredKind(parsed.kind)) byKind.set(parsed.kind, [...(byKind.get(parsed.kind) ?? []), parsed.id]);
    else rejectionKeys.push(key);
  }
  const values = new Map<string, ReadonlyJSONValue>();
  for (const [kind, ids] of byKind) {
    for (const r of await getEntities(q, tenantId, kind, ids)) values.set(keyPrefix[kind] + r.id, r.data);
  }
  if (rejectionKeys.length > 0) {
    const { rows } = await q.query<{ key: string; data: ReadonlyJSONValue }>(
      'SELECT key, data FROM rejections WHERE client_group_id = $1 AND key = ANY($2::text[])',
      [clientGroupId, rejectionKeys],
    );
    for (const r of rows) values.set(r.key, r.data);
  }
  return values;
}
