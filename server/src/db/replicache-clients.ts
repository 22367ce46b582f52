import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Queryable, Statement } from './database.ts';
import type { StatementBatch } from './statement-batch.ts';

/** A client group's owner: the tenant and the token that created it. */
export interface GroupOwner {
  readonly tenantId: string;
  readonly tokenId: string;
}

/** What a batch of pushes reads first: their groups' owners and purges, their clients, and rows. */
export interface PushState {
  owners: { id: string; tenant_id: string; token_id: string }[];
  purged: string[];
  clients: { id: string; client_group_id: string; last_mutation_id: number }[];
  rows: { key: string; data: ReadonlyJSONValue }[];
}

/**
 * The one statement that reads the `PushState` of client groups `groupIds`, clients
 * `clientIds` and the rows `rowsSql` selects (`key`, `data`), run in BEGIN's round trip
 * (`TransactionOptions.opening`).
 */
export function pushStateStatement(groupIds: readonly string[], clientIds: readonly string[], rowsSql?: (param: (value: unknown) => string) => string): Statement {
  const params: unknown[] = [groupIds, clientIds];
  const rows = rowsSql?.((value) => `$${params.push(value)}`);
  const sql = `SELECT (SELECT coalesce(json_agg(json_build_object('id', id, 'tenant_id', tenant_id, 'token_id', token_id)), '[]')
             FROM replicache_client_groups WHERE id = ANY($1::text[])) AS owners,
            (SELECT coalesce(json_agg(id), '[]') FROM replicache_purged_groups WHERE id = ANY($1::text[])) AS purged,
            (SELECT coalesce(json_agg(json_build_object('id', id, 'client_group_id', client_group_id, 'last_mutation_id', last_mutation_id)), '[]')
             FROM replicache_clients WHERE id = ANY($2::text[])) AS clients,
            ${rows ? `(SELECT coalesce(json_agg(r), '[]') FROM (${rows}) r)` : `'[]'::json`} AS rows`;
  return { sql, params };
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

/** Client groups with their owners; a group already there keeps its owner (owners never change). */
export function insertClientGroups(b: StatementBatch, groups: readonly { id: string; tenantId: string; tokenId: string }[]): void {
  if (groups.length === 0) return;
  b.add(`INSERT INTO replicache_client_groups (id, tenant_id, token_id)
     SELECT x.id, x."tenantId", x."tokenId" FROM jsonb_to_recordset(${b.param(JSON.stringify(groups))}::jsonb) AS x(id text, "tenantId" text, "tokenId" text)
     ON CONFLICT (id) DO NOTHING`);
}

/** Clients' last mutation ids, never moved backwards: a push and a hub's mirror write them alike. */
export function upsertClients(b: StatementBatch, clients: readonly { id: string; clientGroupID: string; lastMutationID: number }[]): void {
  if (clients.length === 0) return;
  b.add(`INSERT INTO replicache_clients (id, client_group_id, last_mutation_id)
     SELECT x.id, x."clientGroupID", x."lastMutationID" FROM jsonb_to_recordset(${b.param(JSON.stringify(clients))}::jsonb) AS x(id text, "clientGroupID" text, "lastMutationID" int)
     ON CONFLICT (id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id, last_seen = now()
     WHERE replicache_clients.last_mutation_id < EXCLUDED.last_mutation_id`);
}

/**
 * Saves what a batch of pushes did to client groups: the groups it created, that each pushing
 * group was seen, and the clients' new last mutation ids. A group created here is inserted by the
 * same statement that inserts its clients: foreign keys are checked when the statement ends.
 */
export function saveClientGroups(
  b: StatementBatch,
  created: ReadonlyMap<string, GroupOwner>,
  seen: ReadonlySet<string>,
  lmids: ReadonlyMap<string, { group: string; lmid: number }>,
): void {
  insertClientGroups(b, [...created].map(([id, owner]) => ({ id, ...owner })));
  // A group created above is not seen by this update (one snapshot), and needs it not: it is new.
  if (seen.size > 0) b.add(`UPDATE replicache_client_groups SET last_seen = now() WHERE id = ANY(${b.param([...seen])}::text[])`);
  upsertClients(b, [...lmids].map(([id, { group, lmid }]) => ({ id, clientGroupID: group, lastMutationID: lmid })));
}
