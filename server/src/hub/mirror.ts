import { keyPrefix, parseKey } from '@kitchensync/shared';
import type { Database, Queryable } from '../db/database.ts';
import { entityTables, isStoredKind, upsertTicketItems, type StoredKind } from '../db/entities.ts';
import { channels, notify } from '../sync/notify.ts';
import type { HubSnapshot } from './hub-protocol.ts';

const kinds = Object.keys(entityTables) as StoredKind[];

/** Writes rows whose data differs from the hub's (a new local version each), and returns them. */
async function mirrorRows(q: Queryable, tenantId: string, kind: StoredKind, rows: { id: string; data: unknown }[]) {
  if (rows.length === 0) return [];
  const table = entityTables[kind];
  const { rows: written } = await q.query<{ id: string; data: unknown }>(
    `INSERT INTO ${table} (tenant_id, id, data)
     SELECT $1, x.id, x.data FROM jsonb_to_recordset($2::jsonb) AS x(id text, data jsonb)
     ON CONFLICT (tenant_id, id) DO UPDATE SET data = EXCLUDED.data, version = nextval('row_version'), updated_at = now()
     WHERE ${table}.data IS DISTINCT FROM EXCLUDED.data
     RETURNING id, data`,
    [tenantId, JSON.stringify(rows)],
  );
  return written;
}

/** Full mirror only: rows the cloud no longer has (or never had: the hub's own rolled-back writes). */
async function dropOthers(q: Queryable, tenantId: string, kind: StoredKind, keep: string[]) {
  const { rows } = await q.query(`DELETE FROM ${entityTables[kind]} WHERE tenant_id = $1 AND NOT (id = ANY($2::text[])) RETURNING id`, [tenantId, keep]);
  return rows.length;
}

/**
 * Token hashes and revocations; returns the ids revoked since the last mirror. A full mirror also
 * drops tokens the cloud never issued (tracking tokens of orders created here while cut off).
 */
async function mirrorTokens(q: Queryable, tenantId: string, tokens: HubSnapshot['tokens'], full: boolean): Promise<string[]> {
  if (full) await q.query('DELETE FROM tokens WHERE tenant_id = $1 AND NOT (id = ANY($2::text[]))', [tenantId, tokens.map((t) => t.id)]);
  const active = new Set((await q.query<{ id: string }>('SELECT id FROM tokens WHERE tenant_id = $1 AND revoked_at IS NULL', [tenantId])).rows.map((r) => r.id));
  await q.query(
    `INSERT INTO tokens (id, tenant_id, role, label, hash, order_id, revoked_at)
     SELECT x.id, $1, x.role, x.label, x.hash, x."orderId", x."revokedAt" FROM jsonb_to_recordset($2::jsonb)
       AS x(id text, role text, label text, hash text, "orderId" text, "revokedAt" timestamptz)
     ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, revoked_at = EXCLUDED.revoked_at
     WHERE tokens.revoked_at IS DISTINCT FROM EXCLUDED.revoked_at OR tokens.label <> EXCLUDED.label`,
    [tenantId, JSON.stringify(tokens)],
  );
  return tokens.filter((t) => t.revokedAt !== null && active.has(t.id)).map((t) => t.id);
}

/** Client groups and each client's last mutation id, never moved backwards. */
async function mirrorClients(q: Queryable, tenantId: string, snap: HubSnapshot): Promise<number> {
  await q.query(
    `INSERT INTO replicache_client_groups (id, tenant_id, token_id)
     SELECT x.id, $1, x."tokenId" FROM jsonb_to_recordset($2::jsonb) AS x(id text, "tokenId" text) ON CONFLICT (id) DO NOTHING`,
    [tenantId, JSON.stringify(snap.groups)],
  );
  const { rows } = await q.query(
    `INSERT INTO replicache_clients (id, client_group_id, last_mutation_id)
     SELECT x.id, x."clientGroupID", x."lastMutationID" FROM jsonb_to_recordset($1::jsonb) AS x(id text, "clientGroupID" text, "lastMutationID" int)
     ON CONFLICT (id) DO UPDATE SET last_mutation_id = EXCLUDED.last_mutation_id
     WHERE replicache_clients.last_mutation_id < EXCLUDED.last_mutation_id
     RETURNING id`,
    [JSON.stringify(snap.clients)],
  );
  return rows.length;
}

/** The cloud's rejections replace the hub's: the cloud decides which changes were refused. */
async function mirrorRejections(q: Queryable, tenantId: string, rejections: HubSnapshot['rejections']): Promise<number> {
  const json = JSON.stringify(rejections);
  const gone = await q.query(
    `DELETE FROM rejections r WHERE r.tenant_id = $1 AND NOT EXISTS (
       SELECT 1 FROM jsonb_to_recordset($2::jsonb) AS x("clientGroupID" text, key text) WHERE x."clientGroupID" = r.client_group_id AND x.key = r.key)
     RETURNING key`,
    [tenantId, json],
  );
  const added = await q.query(
    `INSERT INTO rejections (tenant_id, client_group_id, key, data)
     SELECT $1, x."clientGroupID", x.key, x.data FROM jsonb_to_recordset($2::jsonb) AS x("clientGroupID" text, key text, data jsonb)
     ON CONFLICT (client_group_id, key) DO NOTHING RETURNING key`,
    [tenantId, json],
  );
  return gone.rows.length + added.rows.length;
}

/**
 * Makes the hub's copy of the tenant the cloud's, in one transaction under the tenant's write lock,
 * and pokes the restaurant's screens if anything changed. `full` (a snapshot since 0) also drops
 * what the cloud does not have: that is how the hub's own refused changes are rolled back.
 */
export async function applySnapshot(db: Database, snap: HubSnapshot, full: boolean): Promise<void> {
  await db.transaction(async (q) => {
    const tenantId = snap.tenant.id;
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tenant:${tenantId}`]);
    await q.query('INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name', [tenantId, snap.tenant.name]);
    const revoked = await mirrorTokens(q, tenantId, snap.tokens, full);
    let changed = (await mirrorClients(q, tenantId, snap)) + (await mirrorRejections(q, tenantId, snap.rejections));
    const byKind = new Map<StoredKind, { id: string; data: unknown }[]>();
    for (const row of snap.rows) {
      const parsed = parseKey(row.key);
      if (parsed && isStoredKind(parsed.kind)) byKind.set(parsed.kind, [...(byKind.get(parsed.kind) ?? []), { id: parsed.id, data: row.data }]);
    }
    for (const kind of kinds) {
      const written = await mirrorRows(q, tenantId, kind, byKind.get(kind) ?? []);
      if (kind === 'kitchenOrder') await upsertTicketItems(q, tenantId, written as never);
      changed += written.length;
      if (full) changed += await dropOthers(q, tenantId, kind, snap.keys.filter((k) => k.startsWith(keyPrefix[kind])).map((k) => k.slice(keyPrefix[kind].length)));
    }
    await q.query(
      `INSERT INTO hub_state (tenant_id, cloud_version, pulled_at) VALUES ($1, $2, now())
       ON CONFLICT (tenant_id) DO UPDATE SET cloud_version = EXCLUDED.cloud_version, pulled_at = now()`,
      [tenantId, snap.version],
    );
    for (const tokenId of revoked) await notify(q, channels.revoke, tokenId);
    if (changed > 0) await notify(q, channels.poke, { t: tenantId });
  });
}

/** The tenant this hub mirrors and how far it read the cloud, from an earlier run. */
export async function mirroredState(q: Queryable): Promise<{ tenantId: string; version: number } | undefined> {
  const { rows } = await q.query<{ tenant_id: string; cloud_version: number }>('SELECT tenant_id, cloud_version FROM hub_state LIMIT 1');
  return rows[0] ? { tenantId: rows[0].tenant_id, version: Number(rows[0].cloud_version) } : undefined;
}
