import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Queryable } from './database.ts';
import type { StatementBatch } from './statement-batch.ts';

/**
 * A push's starting point, in one statement: its client group's owner, whether it was purged, its
 * clients, and the rows `rowsSql` selects (`key, data`: what the mutations will read; it places
 * its values with `param`).
 */
export async function readPushState(q: Queryable, clientGroupId: string, clientIds: readonly string[], rowsSql?: (param: (value: unknown) => string) => string) {
  const params: unknown[] = [clientGroupId, clientIds];
  const rows = rowsSql?.((value) => `$${params.push(value)}`);
  const result = await q.query<{
    owner: { tenant_id: string; token_id: string } | null;
    purged: boolean;
    clients: { id: string; client_group_id: string; last_mutation_id: number }[];
    rows: { key: string; data: ReadonlyJSONValue }[];
  }>(
    `SELECT (SELECT json_build_object('tenant_id', tenant_id, 'token_id', token_id) FROM replicache_client_groups WHERE id = $1) AS owner,
            EXISTS (SELECT 1 FROM replicache_purged_groups WHERE id = $1) AS purged,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'client_group_id', client_group_id, 'last_mutation_id', last_mutation_id)), '[]')
             FROM replicache_clients WHERE id = ANY($2::text[])) AS clients,
            ${rows ? `(SELECT coalesce(json_agg(r), '[]') FROM (${rows}) r)` : `'[]'::json`} AS rows`,
    params,
  );
  return result.rows[0] as NonNullable<(typeof result.rows)[0]>;
}

export async function isPurgedGroup(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM replicache_purged_groups WHERE id = $1', [id])).rows.length > 0;
}

export async function createClientGroup(q: Queryable, id: string, tenantId: string, tokenId: string): Promise<void> {
  await q.query(
    'INSERT INTO replicache_client_groups (id, tenant_id, token_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
    [id, tenantId, tokenId],
  );
}

/** Clients by id, with the group each belongs to (to refuse a client claimed by another group). */
export async function getClients(q: Queryable, ids: readonly string[]) {
  const { rows } = await q.query<{ id: string; client_group_id: string; last_mutation_id: number }>(
    'SELECT id, client_group_id, last_mutation_id FROM replicache_clients WHERE id = ANY($1::text[])',
    [ids],
  );
  return rows;
}

/** Records the clients' new last mutation ids and that their group was seen. */
export function saveLastMutationIds(b: StatementBatch, clientGroupId: string, lmids: ReadonlyMap<string, number>): void {
  const group = b.param(clientGroupId);
  b.add(`UPDATE replicache_client_groups SET last_seen = now() WHERE id = ${group}`);
  if (lmids.size === 0) return;
  b.add(`INSERT INTO replicache_clients (id, client_group_id, last_mutation_id)
     SELECT x.id, ${group}, x.lmid FROM jsonb_to_recordset(${b.param(JSON.stringify([...lmids].map(([id, lmid]) => ({ id, lmid }))))}::jsonb) AS x(id text, lmid int)
     ON CONFLICT (id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, last_seen = now()`);
}
