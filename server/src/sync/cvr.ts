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
 * The parts of a pull's statement that record the CVR of CTE `cvrs` (columns `id`,
 * `client_group_id`, `cvr_order`, `head`, `made_at`, `clients` as jsonb) from the very snapshot
 * it answers from, drop its group's old ones and mark the group seen.
 */
export function recordCvrParts(cvrs: string): string {
  return `tops AS (SELECT client_group_id, max(cvr_order) AS cvr_order FROM ${cvrs} GROUP BY client_group_id),
    old_cvrs AS (DELETE FROM client_view_records c USING tops t WHERE c.client_group_id = t.client_group_id AND c.cvr_order <= t.cvr_order - ${keepPerGroup}),
    seen AS (UPDATE replicache_client_groups g SET last_seen = now(), cvr_order = GREATEST(g.cvr_order, t.cvr_order) FROM tops t WHERE g.id = t.client_group_id),
    new_cvr AS (INSERT INTO client_view_records (id, client_group_id, cvr_order, head, made_at, clients)
      SELECT id, client_group_id, cvr_order, head, made_at, clients::text FROM ${cvrs})`;
}
