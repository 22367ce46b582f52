import type { ReadonlyJSONValue, Rejection } from '@kitchensync/shared';
import type { Queryable } from './database.ts';

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

export async function insertRejections(q: Queryable, tenantId: string, clientGroupId: string, rejections: readonly Rejection[]) {
  if (rejections.length === 0) return;
  await q.query(
    `INSERT INTO rejections (tenant_id, client_group_id, key, data)
     SELECT $1, $2, x.id, x.data FROM jsonb_to_recordset($3::jsonb) AS x(id text, data jsonb)
     ON CONFLICT (client_group_id, key) DO NOTHING`,
    [tenantId, clientGroupId, JSON.stringify(rejections.map((r) => ({ id: r.id, data: r })))],
  );
}

export async function deleteRejections(q: Queryable, clientGroupId: string, keys: readonly string[]) {
  if (keys.length === 0) return;
  await q.query('DELETE FROM rejections WHERE client_group_id = $1 AND key = ANY($2::text[])', [clientGroupId, keys]);
}
