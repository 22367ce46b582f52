import type { Queryable } from './database.ts';

export interface ClientGroupRow {
  id: string;
  tenant_id: string;
  token_id: string;
  cvr_order: number;
}

export async function getClientGroup(q: Queryable, id: string): Promise<ClientGroupRow | undefined> {
  const { rows } = await q.query<ClientGroupRow>(
    'SELECT id, tenant_id, token_id, cvr_order FROM replicache_client_groups WHERE id = $1',
    [id],
  );
  return rows[0];
}

export async function isPurgedGroup(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM replicache_purged_groups WHERE id = $1', [id])).rows.length > 0;
}

export async function createClientGroup(q: Queryable, id: string, tenantId: string, tokenId: string): Promise<ClientGroupRow> {
  await q.query(
    'INSERT INTO replicache_client_groups (id, tenant_id, token_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
    [id, tenantId, tokenId],
  );
  return (await getClientGroup(q, id)) as ClientGroupRow;
}

export async function touchClientGroup(q: Queryable, id: string, cvrOrder?: number): Promise<void> {
  await q.query(
    'UPDATE replicache_client_groups SET last_seen = now(), cvr_order = GREATEST(cvr_order, $2) WHERE id = $1',
    [id, cvrOrder ?? 0],
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

export async function getGroupClients(q: Queryable, clientGroupId: string) {
  const { rows } = await q.query<{ id: string; last_mutation_id: number }>(
    'SELECT id, last_mutation_id FROM replicache_clients WHERE client_group_id = $1',
    [clientGroupId],
  );
  return rows;
}

export async function saveLastMutationIds(q: Queryable, clientGroupId: string, lmids: ReadonlyMap<string, number>) {
  if (lmids.size === 0) return;
  await q.query(
    `INSERT INTO replicache_clients (id, client_group_id, last_mutation_id)
     SELECT x.id, $1, x.lmid FROM jsonb_to_recordset($2::jsonb) AS x(id text, lmid int)
     ON CONFLICT (id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, last_seen = now()`,
    [clientGroupId, JSON.stringify([...lmids].map(([id, lmid]) => ({ id, lmid })))],
  );
}
