import { keyPrefix, ticketsOnTheLine, type ReadonlyJSONValue } from '@kitchensync/shared';
import type { Principal } from '../auth/principal.ts';
import type { Queryable } from '../db/database.ts';
import { entityTables, type StoredKind } from '../db/entities.ts';

/**
 * Kitchen terminals see held courses (greyed until fired) and what is on the line, and keep
 * bumped tickets of the last day, so any of them can be recalled.
 */
const kitchenMemory = "interval '24 hours'";

/*
 * Parameters of the view's statement (see `readChanges`): $1 tenant, $2 the client group (the
 * customer's order id for a customer), $3 the head the client last saw (-1: everything), $4 when
 * it saw it, $5 the client group; $6 and $7 the id and cookie order of the CVR the pull records.
 */
const key = (kind: StoredKind) => `'${keyPrefix[kind]}' || id`;
const changedOf = (kind: StoredKind) =>
  `SELECT ${key(kind)} AS key, data FROM ${entityTables[kind]} WHERE tenant_id = $1 AND version > $3`;
const rejectionsOfGroup = 'SELECT key, data FROM rejections WHERE client_group_id = $2 AND version > $3';
/** Whether ticket row `k` is in a kitchen's view: on the line, or written within the kitchen's memory. */
const shown = (k: string) => `(${k}.status = ANY('{${ticketsOnTheLine.join(',')}}'::text[]) OR ${k}.updated_at > now() - ${kitchenMemory})`;
/** Whether order `orderId` is in a kitchen's view: it has a ticket there (read through the tickets' order index, not a scan of the day). */
const hasShownTicket = (orderId: string) => `EXISTS (SELECT 1 FROM kitchen_orders s WHERE s.tenant_id = $1 AND s.order_id = ${orderId} AND ${shown('s')})`;
/** Deleted rows this viewer may have held; a rejection only in the group that saw it. */
const tombstones = `SELECT key FROM deleted_rows WHERE tenant_id = $1 AND version > $3 AND (client_group_id IS NULL OR client_group_id = $2)`;

/** Permissions live here, in the view queries: what each role's replica may hold. */
const views = {
  manager: {
    changed: [...(Object.keys(entityTables) as StoredKind[]).map(changedOf), rejectionsOfGroup].join('\nUNION ALL '),
    deleted: tombstones,
  },
  kitchen: {
    // An order and its contracts enter the view with a ticket, so they go out with every changed
    // ticket. Each part starts from the rows written since the client's head (the version indexes).
    changed: `WITH fresh AS (SELECT id, order_id, data FROM kitchen_orders k WHERE tenant_id = $1 AND version > $3 AND ${shown('k')}),
        shown_orders AS MATERIALIZED (SELECT id FROM (SELECT id FROM orders WHERE tenant_id = $1 AND version > $3 UNION SELECT order_id FROM fresh) o
          WHERE ${hasShownTicket('o.id')}),
        shown_contracts AS MATERIALIZED (SELECT id FROM (SELECT id, order_id FROM contracts WHERE tenant_id = $1 AND version > $3
          UNION SELECT id, order_id FROM contracts WHERE tenant_id = $1 AND order_id IN (SELECT order_id FROM fresh)) c WHERE ${hasShownTicket('c.order_id')})
      SELECT ${key('kitchenOrder')} AS key, data FROM fresh
      UNION ALL SELECT ${key('order')}, data - 'trackingToken' FROM orders WHERE tenant_id = $1 AND id IN (SELECT id FROM shown_orders)
      UNION ALL SELECT ${key('contract')}, data FROM contracts WHERE tenant_id = $1 AND id IN (SELECT id FROM shown_contracts)
      UNION ALL ${changedOf('station')}
      UNION ALL ${changedOf('product')}
      UNION ALL ${changedOf('printer')}
      UNION ALL ${rejectionsOfGroup}`,
    // A ticket leaves when it is closed and a day old: written since, or a day old since the client
    // last looked (a row not shown is a day old: the second range only narrows the index read).
    // Its order leaves with its last ticket, also when that ticket's row was deleted.
    deleted: `WITH gone AS (
        SELECT id, order_id FROM kitchen_orders k
        WHERE tenant_id = $1 AND (version > $3 OR (updated_at > $4::timestamptz - ${kitchenMemory} AND updated_at <= now() - ${kitchenMemory}))
          AND NOT ${shown('k')}),
      dropped AS (SELECT order_id FROM deleted_rows WHERE tenant_id = $1 AND version > $3 AND order_id IS NOT NULL),
      gone_orders AS (SELECT DISTINCT order_id FROM (SELECT order_id FROM gone UNION ALL SELECT order_id FROM dropped) g
        WHERE NOT ${hasShownTicket('g.order_id')})
      ${tombstones}
      UNION ALL SELECT ${key('kitchenOrder')} FROM gone
      UNION ALL SELECT '${keyPrefix.order}' || order_id FROM gone_orders
      UNION ALL SELECT ${key('contract')} FROM contracts WHERE tenant_id = $1 AND order_id IN (SELECT order_id FROM gone_orders)`,
  },
  customer: {
    changed: `SELECT ${key('order')} AS key, data FROM orders WHERE tenant_id = $1 AND id = $2 AND version > $3`,
    deleted: `SELECT key FROM deleted_rows WHERE tenant_id = $1 AND key = '${keyPrefix.order}' || $2 AND version > $3`,
  },
};

export type ViewRole = keyof typeof views;

/**
 * Rows of a view written after the base head (or that entered it with such a row), with their
 * values, and keys the client may hold that are no longer in its view.
 */
type Changed = { puts: { key: string; data: ReadonlyJSONValue }[]; dels: string[] };

export const hasView = (role: string): role is ViewRole => role in views;

export type Viewer = Principal & { tenantId: string; role: ViewRole };

const scope = (viewer: Viewer, clientGroupId: string) => (viewer.role === 'customer' ? viewer.orderId : clientGroupId);

export interface ViewChanges extends Changed {
  /** False when the client group is gone (purged): nothing was read or recorded. */
  groupExists: boolean;
  /** The tenant's head and the database's time this snapshot was read at, and the group's last mutation ids. */
  head: number;
  at: string;
  clients: Record<string, number>;
}

/**
 * Everything a pull needs, in one statement (so one snapshot): the head now, the group's last
 * mutation ids, and what changed in the view since head `since` seen at `seenAt` (`since` -1:
 * the whole view, and no deletions); and, from that same snapshot, the new CVR `cvr` recorded.
 * If the head is still `since`, or the group is gone, nothing is read or recorded.
 * The statement commits without waiting for its WAL to be flushed (or for a synchronous standby):
 * a CVR lost in a crash or a failover only makes its cookie unknown, and that client's next pull
 * answers `clear` and the whole view, as for any unknown cookie.
 */
export async function readChanges(
  q: Queryable,
  viewer: Viewer,
  clientGroupId: string,
  since: number,
  seenAt: string,
  cvr: { id: string; order: number },
): Promise<ViewChanges> {
  const view = views[viewer.role];
  const { rows } = await q.query<{ op: 'put' | 'del' | 'head'; key: string; data: ReadonlyJSONValue }>(
    `WITH found AS (
       SELECT coalesce((SELECT version FROM sync_heads WHERE tenant_id = $1), 0) AS version, now() AS at,
         set_config('synchronous_commit', 'off', true) AS async_commit,
         EXISTS (SELECT 1 FROM replicache_client_groups WHERE id = $5::text) AS group_exists,
         (SELECT coalesce(jsonb_object_agg(id, last_mutation_id), '{}') FROM replicache_clients WHERE client_group_id = $5::text) AS clients),
     head AS (SELECT *, group_exists AND version <> $3 AS moved FROM found),
     cvrs AS (SELECT $6::text AS id, $5::text AS client_group_id, $7::int AS cvr_order, version AS head, at AS made_at, clients FROM head WHERE moved),
     ${recordCvrParts('cvrs')}
     SELECT 'head' AS op, version::text AS key, jsonb_build_object('at', at::text, 'seenAt', $4::timestamptz, 'clients', clients, 'groupExists', group_exists) AS data FROM head
     UNION ALL SELECT 'del', key, NULL FROM (${view.deleted}) d WHERE $3 >= 0 AND (SELECT moved FROM head)
     UNION ALL SELECT 'put', key, data FROM (${view.changed}) c WHERE (SELECT moved FROM head)`,
    [viewer.tenantId, scope(viewer, clientGroupId), since, seenAt, clientGroupId, cvr.id, cvr.order],
    // An incremental pull's `since` is always recent, so one plan serves them all (and an unchanged
    // pull, which reads nothing, is not planned at all); a full pull is planned for its own.
    { prepare: since >= 0 },
  );
  const head = rows.find((r) => r.op === 'head') as (typeof rows)[0];
  const meta = head.data as { at: string; clients: Record<string, number>; groupExists: boolean };
  return {
    groupExists: meta.groupExists,
    head: Number(head.key),
    at: meta.at,
    clients: meta.clients,
    puts: rows.filter((r) => r.op === 'put'),
    dels: rows.filter((r) => r.op === 'del').map((r) => r.key),
  };
}

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
