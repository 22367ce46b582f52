import type { Queryable } from '../db/database.ts';

/**
 * What a client group was last sent: the view as of the tenant's head `head` (read at `madeAt`,
 * database time), and the last mutation ids of the group's clients. Everything written after
 * `head` carries a higher version, which is how a pull finds what changed since.
 */
export interface ClientViewRecord {
  readonly head: number;
  readonly madeAt: string;
  readonly clients: ReadonlyMap<string, number>;
}

/** How many recent CVRs a client group keeps (older cookies get a full resync). */
const keepPerGroup = 8;

/**
 * Where a client group stands: its owner, its latest cookie order, the tenant's head now, and the
 * CVR its cookie names if that CVR is the group's own (another group's, a fork, is not: its replica
 * also holds that group's rejections, so it starts again from the full view). One statement.
 */
export async function readGroupState(q: Queryable, clientGroupId: string, cvrId: string | undefined) {
  const { rows } = await q.query<{
    tenant_id: string;
    token_id: string;
    cvr_order: number;
    head: number;
    cvr_head: number | null;
    cvr_made_at: string | null;
    cvr_clients: string | null;
  }>(
    `SELECT g.tenant_id, g.token_id, g.cvr_order, coalesce(h.version, 0) AS head,
            c.head AS cvr_head, c.made_at::text AS cvr_made_at, c.clients AS cvr_clients
     FROM replicache_client_groups g
     LEFT JOIN sync_heads h ON h.tenant_id = g.tenant_id
     LEFT JOIN client_view_records c ON c.id = $2 AND c.client_group_id = g.id
     WHERE g.id = $1`,
    [clientGroupId, cvrId ?? ''],
    { prepare: true },
  );
  const row = rows[0];
  if (!row) return undefined;
  const cvr: ClientViewRecord | undefined =
    row.cvr_head === null
      ? undefined
      : { head: row.cvr_head, madeAt: row.cvr_made_at as string, clients: new Map(Object.entries(JSON.parse(row.cvr_clients as string) as Record<string, number>)) };
  return { tenantId: row.tenant_id, tokenId: row.token_id, cvrOrder: row.cvr_order, head: row.head, cvr };
}

/**
 * The parts of a statement that record a new CVR as cookie `order`, drop the group's old ones and
 * mark the group seen: the CVR is `head`'s row (columns `version`, `at`, `clients`, `moved`), a
 * CTE of that statement, so it is stored from the very snapshot the pull answers from. Nothing is
 * written unless `moved` (the head is not the one the client saw, and its group still exists).
 */
export function recordCvrParts(cvr: { id: string; group: string; order: string }, head: string): string {
  const moved = `(SELECT moved FROM ${head})`;
  return `old_cvrs AS (DELETE FROM client_view_records WHERE ${moved} AND client_group_id = ${cvr.group} AND cvr_order <= ${cvr.order} - ${keepPerGroup}),
    seen AS (UPDATE replicache_client_groups SET last_seen = now(), cvr_order = GREATEST(cvr_order, ${cvr.order}) WHERE ${moved} AND id = ${cvr.group}),
    new_cvr AS (INSERT INTO client_view_records (id, client_group_id, cvr_order, head, made_at, clients)
      SELECT ${cvr.id}, ${cvr.group}, ${cvr.order}, version, at, clients::text FROM ${head} WHERE moved)`;
}

/**
 * Stores CVR `cvr` as cookie `order` of the group (if the group still exists), as `recordCvrParts`
 * does inside a pull's statement: for a pull answered without one (`ChangeFeed`), after the answer.
 */
export async function recordCvr(q: Queryable, clientGroupId: string, cvrId: string, order: number, cvr: ClientViewRecord): Promise<void> {
  await q.query(
    `WITH head AS (SELECT $4::bigint AS version, $5::timestamptz AS at, $6::jsonb AS clients,
         EXISTS (SELECT 1 FROM replicache_client_groups WHERE id = $2::text) AS moved),
       ${recordCvrParts({ id: '$1::text', group: '$2::text', order: '$3::int' }, 'head')}
     SELECT 1`,
    [cvrId, clientGroupId, order, cvr.head, cvr.madeAt, JSON.stringify(Object.fromEntries(cvr.clients))],
    { prepare: true },
  );
}
