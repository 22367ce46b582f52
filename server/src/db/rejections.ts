import type { ReadonlyJSONValue, Rejection } from '@kitchensync/shared';
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

export function insertRejections(b: StatementBatch, tenantId: string, clientGroupId: string, rejections: readonly Rejection[]): void {
  if (rejections.length === 0) return;
  b.add(`INSERT INTO rejections (tenant_id, client_group_id, key, data)
     SELECT ${b.param(tenantId)}, ${b.param(clientGroupId)}, x.id, x.data FROM jsonb_to_recordset(${b.param(JSON.stringify(rejections.map((r) => ({ id: r.id, data: r }))))}::jsonb) AS x(id text, data jsonb)
     ON CONFLICT (client_group_id, key) DO NOTHING`);
}

export function deleteRejections(b: StatementBatch, clientGroupId: string, keys: readonly string[]): void {
  if (keys.length === 0) return;
  b.add(`DELETE FROM rejections WHERE client_group_id = ${b.param(clientGroupId)} AND key = ANY(${b.param(keys)}::text[])`);
}
