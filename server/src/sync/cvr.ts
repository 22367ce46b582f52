import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

/** What a client group was last sent: row versions by key, and last mutation ids by client. */
export interface ClientViewRecord {
  readonly entries: ReadonlyMap<string, number>;
  readonly clients: ReadonlyMap<string, number>;
}

/** The highest row version a CVR holds (0 for an empty one). */
export function maxVersion(cvr: ClientViewRecord): number {
  let max = 0;
  for (const v of cvr.entries.values()) if (v > max) max = v;
  return max;
}

/** CVRs never change once written, so any process may cache them. */
const cache = new Map<string, ClientViewRecord & { tenantId: string; tokenId: string }>();
const cacheLimit = 64;

/** How many recent CVRs a client group keeps (older cookies get a full resync). */
const keepPerGroup = 8;

function remember(id: string, cvr: ClientViewRecord & { tenantId: string; tokenId: string }) {
  cache.set(id, cvr);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value as string);
}

/**
 * Finds the CVR a cookie names. The cookie may come from another client group (a fork), so the
 * lookup is by id, but only a CVR of the same tenant and principal is honoured.
 */
export async function loadCvr(q: Queryable, cvrId: string, tenantId: string, tokenId: string): Promise<ClientViewRecord | undefined> {
  let cvr = cache.get(cvrId);
  if (!cvr) {
    const { rows } = await q.query<{ entries: string; clients: string; tenant_id: string; token_id: string }>(
      `SELECT c.entries, c.clients, g.tenant_id, g.token_id FROM client_view_records c
       JOIN replicache_client_groups g ON g.id = c.client_group_id WHERE c.id = $1`,
      [cvrId],
    );
    const row = rows[0];
    if (!row) return undefined;
    cvr = {
      entries: new Map(Object.entries(JSON.parse(row.entries) as Record<string, number>)),
      clients: new Map(Object.entries(JSON.parse(row.clients) as Record<string, number>)),
      tenantId: row.tenant_id,
      tokenId: row.token_id,
    };
    remember(cvrId, cvr);
  }
  return cvr.tenantId === tenantId && cvr.tokenId === tokenId ? cvr : undefined;
}

export async function saveCvr(
  q: Queryable,
  clientGroupId: string,
  order: number,
  cvr: ClientViewRecord,
  owner: { tenantId: string; tokenId: string },
): Promise<string> {
  const id = randomUUID();
  await q.query(
    'INSERT INTO client_view_records (id, client_group_id, cvr_order, entries, clients) VALUES ($1, $2, $3, $4, $5)',
    [id, clientGroupId, order, JSON.stringify(Object.fromEntries(cvr.entries)), JSON.stringify(Object.fromEntries(cvr.clients))],
  );
  await q.query('DELETE FROM client_view_records WHERE client_group_id = $1 AND cvr_order <= $2', [clientGroupId, order - keepPerGroup]);
  remember(id, { ...cvr, ...owner });
  return id;
}
