import type { Queryable } from '../db/database.ts';

export interface ClientMark {
  readonly id: string;
  readonly clientGroupID: string;
  readonly lastMutationID: number;
}

/**
 * The client groups with a client whose last mutation id at the hub is above the cloud's (or that
 * the cloud has no more): after a restore, what their terminals saw of themselves is a future the
 * cloud lost and the hub could not send again. Pure.
 */
export function groupsAhead(hub: readonly ClientMark[], cloud: readonly ClientMark[]): string[] {
  const atCloud = new Map(cloud.map((c) => [c.id, c.lastMutationID]));
  return [...new Set(hub.filter((c) => c.lastMutationID > (atCloud.get(c.id) ?? 0)).map((c) => c.clientGroupID))];
}

/**
 * Puts back in the outbox, in the order the hub first received them, the mutations it forwarded
 * and still keeps that the restored cloud lost: those above the cloud's last mutation id of their
 * client. The drain then sends them again; the cloud's bookkeeping takes each once. Answers how many.
 */
export async function requeueLost(q: Queryable, cloud: readonly ClientMark[]): Promise<number> {
  const { rows } = await q.query(
    `UPDATE hub_outbox o SET forwarded_at = NULL
     WHERE o.forwarded_at IS NOT NULL AND o.mutation_id > coalesce(
       (SELECT x."lastMutationID" FROM jsonb_to_recordset($1::jsonb) AS x(id text, "lastMutationID" int) WHERE x.id = o.client_id), 0)
     RETURNING o.seq`,
    [JSON.stringify(cloud.map((c) => ({ id: c.id, lastMutationID: c.lastMutationID })))],
  );
  return rows.length;
}

/**
 * In the first full mirror after a restore, once the hub has sent again what it kept: a group whose
 * terminals saw last mutation ids the cloud still lacks is dropped with its view records (the
 * mirror writes the cloud's group and clients back), and the hub starts a new epoch of its own.
 * Those terminals' cookies now name an ended epoch and a view record the hub lacks: the rule a
 * restored cloud applies (`sync/pull.ts`) answers them ClientStateNotFound, and they start again
 * from the hub's state and send their unconfirmed changes again.
 * The cloud's `ended` epochs end at the hub too: a terminal whose last pull was at the cloud (its
 * hub did not answer) holds a cookie of one, whose view record no hub has, and may have seen there
 * ids the restore lost. The hub answers it as the restored cloud would, instead of giving it a
 * last mutation id lower than its own (which Replicache ignores: its next changes then leave a gap
 * the cloud never fills). Answers the hub's new epoch and how many groups it dropped.
 */
export async function forgetGroupsAhead(q: Queryable, tenantId: string, cloud: readonly ClientMark[], ended: readonly string[]): Promise<{ epoch: string; groupsReset: number }> {
  const { rows } = await q.query<ClientMark>(
    `SELECT c.id, c.client_group_id AS "clientGroupID", c.last_mutation_id AS "lastMutationID"
     FROM replicache_clients c JOIN replicache_client_groups g ON g.id = c.client_group_id WHERE g.tenant_id = $1`,
    [tenantId],
  );
  const ahead = groupsAhead(rows, cloud);
  if (ahead.length > 0) await q.query('DELETE FROM replicache_client_groups WHERE id = ANY($1::text[])', [ahead]);
  await q.query('INSERT INTO sync_epochs (epoch) SELECT unnest($1::text[]) ON CONFLICT (epoch) DO NOTHING', [ended]);
  const started = await q.query<{ epoch: string }>('INSERT INTO sync_epochs (epoch) VALUES (gen_random_uuid()::text) RETURNING epoch');
  return { epoch: (started.rows[0] as { epoch: string }).epoch, groupsReset: ahead.length };
}

/** Forwarded mutations are kept this long to be sent again after a restore of the cloud. */
export const resendWindowMs = 24 * 3_600_000;

/** Drops forwarded mutations older than the window: a restore further back loses them, as it loses the cloud's own writes. */
export async function pruneForwarded(q: Queryable, windowMs: number): Promise<void> {
  await q.query(`DELETE FROM hub_outbox WHERE forwarded_at < now() - $1::double precision * interval '1 millisecond'`, [windowMs]);
}
