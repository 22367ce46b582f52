import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Queryable } from './database.ts';
import type { StatementBatch } from './statement-batch.ts';

export async function getRejection(q: Queryable, clientGroupId: string, key: string) {
  const { rows } = await q.query<{ data: ReadonlyJSONValue }>(
    'SELECT data FROM rejections WHERE client_group_id = $1 AND key = $2',
    [clientGroupId, key],
  );
  return rows[0]?.data;
}

export async function scanRejections(q: Queryable, clientGroupId: string, prefix: string) {
  const { rows } = await q.query<{ key: string; data: ReadonlyJSONValue }>(
    'SELECT key, data FROM rejections WHERE client_group_id = $1 AND starts_with(key, $2) ORDER BY key COLLATE "C"',
    [clientGroupId, prefix],
  );
  return rows;
}

/**
 * Rejections, each for the client group whose push it came from. A key already held takes the new
 * value with a new version, so its clients pull it: a hub takes the cloud's reason for its own.
 */
export function upsertRejections(b: StatementBatch, tenantId: string, rejections: readonly { clientGroupID: string; key: string; data: unknown }[]): void {
  if (rejections.length === 0) return;
  b.add(`INSERT INTO rejections (tenant_id, client_group_id, key, data)
     SELECT ${b.param(tenantId)}, x."clientGroupID", x.key, x.data FROM jsonb_to_recordset(${b.param(JSON.stringify(rejections))}::jsonb) AS x("clientGroupID" text, key text, data jsonb)
     ON CONFLICT (client_group_id, key) DO UPDATE SET data = EXCLUDED.data, version = nextval('row_version')
     WHERE rejections.data IS DISTINCT FROM EXCLUDED.data`);
}

/** Dismissed rejections, by client group. */
export function deleteRejections(b: StatementBatch, keysByGroup: ReadonlyMap<string, readonly string[]>): void {
  if (keysByGroup.size === 0) return;
  const rows = [...keysByGroup].flatMap(([group, keys]) => keys.map((key) => ({ group, key })));
  b.add(`DELETE FROM rejections r USING jsonb_to_recordset(${b.param(JSON.stringify(rows))}::jsonb) AS x("group" text, key text)
     WHERE r.client_group_id = x.group AND r.key = x.key`);
}
