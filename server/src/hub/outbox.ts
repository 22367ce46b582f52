import type { Database, Queryable } from '../db/database.ts';
import type { PushRequest } from '../sync/protocol.ts';
import type { ForwardedPush } from './hub-protocol.ts';

interface OutboxRow {
  seq: number;
  client_group_id: string;
  token_id: string;
  client_id: string;
  mutation_id: number;
  name: string;
  args: unknown;
  client_timestamp: number;
  hub_at: number;
  schema_version: string;
}

/**
 * Keeps a terminal's push for the cloud; a mutation already there (a retried push) is kept once.
 * `forwarded`: the cloud already confirmed these (the push went straight through), kept only to be
 * sent again if a restore of the cloud loses them (`cloud-restore.ts`).
 */
export async function enqueue(q: Queryable, tokenId: string, push: PushRequest, hubAt: number, forwarded = false): Promise<void> {
  if (push.mutations.length === 0) return;
  const rows = push.mutations.map((m) => ({
    client_group_id: push.clientGroupID,
    token_id: tokenId,
    client_id: m.clientID,
    mutation_id: m.id,
    name: m.name,
    args: m.args ?? null,
    client_timestamp: m.timestamp,
    hub_at: hubAt,
    schema_version: push.schemaVersion,
  }));
  await q.query(
    `INSERT INTO hub_outbox (client_group_id, token_id, client_id, mutation_id, name, args, client_timestamp, hub_at, schema_version, forwarded_at)
     SELECT x.client_group_id, x.token_id, x.client_id, x.mutation_id, x.name, x.args, x.client_timestamp, x.hub_at, x.schema_version,
       CASE WHEN $2::boolean THEN now() END
     FROM jsonb_to_recordset($1::jsonb) AS x(client_group_id text, token_id text, client_id text, mutation_id int, name text,
       args jsonb, client_timestamp double precision, hub_at bigint, schema_version text)
     ON CONFLICT (client_id, mutation_id) DO NOTHING`,
    [JSON.stringify(rows), forwarded],
  );
}

/**
 * The oldest run of queued mutations of one client group, as the push the cloud gets: the
 * outbox drains in the order the hub received them, each with the schema its terminal spoke (a
 * cloud that does not serve it refuses the whole push, and the run stays queued).
 */
export async function nextForwardable(q: Queryable, limit: number): Promise<{ seqs: Map<string, number>; push: ForwardedPush } | undefined> {
  const { rows } = await q.query<OutboxRow>('SELECT * FROM hub_outbox WHERE forwarded_at IS NULL ORDER BY seq LIMIT $1', [limit]);
  const first = rows[0];
  if (!first) return undefined;
  const end = rows.findIndex((r) => r.client_group_id !== first.client_group_id || r.token_id !== first.token_id || r.schema_version !== first.schema_version);
  const run = end === -1 ? rows : rows.slice(0, end);
  return {
    seqs: new Map(run.map((r) => [`${r.client_id}/${r.mutation_id}`, Number(r.seq)])),
    push: {
      clientGroupID: first.client_group_id,
      tokenId: first.token_id,
      schemaVersion: first.schema_version,
      mutations: run.map((r) => ({ id: r.mutation_id, clientID: r.client_id, name: r.name, args: r.args, timestamp: r.client_timestamp, hubAt: Number(r.hub_at) })),
    },
  };
}

/** Mutations the cloud confirmed leave the outbox, and are kept a while in case a restore of the cloud loses them. */
export async function markForwarded(q: Queryable, seqs: readonly number[]): Promise<void> {
  if (seqs.length > 0) await q.query('UPDATE hub_outbox SET forwarded_at = now() WHERE seq = ANY($1::bigint[])', [seqs]);
}

/** Mutations the cloud refused for good leave the outbox and are not kept. */
export async function dequeue(q: Queryable, seqs: readonly number[]): Promise<void> {
  if (seqs.length > 0) await q.query('DELETE FROM hub_outbox WHERE seq = ANY($1::bigint[])', [seqs]);
}

/** How many changes wait for the cloud, and since when (epoch ms). */
export async function outboxSummary(db: Database): Promise<{ pending: number; oldestAt: number | null }> {
  const { rows } = await db.query<{ pending: number; oldest: number | null }>('SELECT count(*)::int AS pending, min(hub_at) AS oldest FROM hub_outbox WHERE forwarded_at IS NULL');
  return { pending: rows[0]?.pending ?? 0, oldestAt: rows[0]?.oldest === null || rows[0]?.oldest === undefined ? null : Number(rows[0].oldest) };
}
