import { keyPrefix, parseKey } from '@kitchensync/shared';
import type { Database, Queryable } from '../db/database.ts';
import { deleteEntitiesExcept, entityTables, isStoredKind, ticketItemsPart, upsertEntities, type StoredKind } from '../db/entities.ts';
import { upsertRejections } from '../db/rejections.ts';
import { insertClientGroups, upsertClients } from '../db/replicache-clients.ts';
import { StatementBatch } from '../db/statement-batch.ts';
import { lockTenant } from '../db/tenant-lock.ts';
import { channels, notify } from '../sync/notify.ts';
import { forgetGroupsAhead } from './cloud-restore.ts';
import type { HubSnapshot } from './hub-protocol.ts';

const kinds = Object.keys(entityTables) as StoredKind[];

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

/**
 * Rows, rejections and clients as the cloud has them, written by the push path's own definitions
 * (db/entities.ts, db/rejections.ts, db/replicache-clients.ts) in one statement. A row the cloud
 * has as the hub does keeps its version, so terminals pull only what differs. `full` also drops
 * what the cloud does not have: the hub's own rows and rejections the cloud never accepted.
 */
function mirrorWrites(tenantId: string, snap: HubSnapshot, full: boolean): StatementBatch {
  const b = new StatementBatch();
  insertClientGroups(b, snap.groups.map((g) => ({ id: g.id, tenantId, tokenId: g.tokenId })));
  upsertClients(b, snap.clients);
  b.add(`DELETE FROM rejections r WHERE r.tenant_id = ${b.param(tenantId)} AND NOT EXISTS (
       SELECT 1 FROM jsonb_to_recordset(${b.param(JSON.stringify(snap.rejections))}::jsonb) AS x("clientGroupID" text, key text)
       WHERE x."clientGroupID" = r.client_group_id AND x.key = r.key)`);
  upsertRejections(b, tenantId, snap.rejections);
  const byKind = new Map<StoredKind, { id: string; data: unknown }[]>(kinds.map((kind) => [kind, []]));
  for (const row of snap.rows) {
    const parsed = parseKey(row.key);
    if (parsed && isStoredKind(parsed.kind)) byKind.get(parsed.kind)?.push({ id: parsed.id, data: row.data });
  }
  for (const [kind, rows] of byKind) {
    upsertEntities(b, tenantId, kind, rows, { onlyChanged: true });
    if (full) deleteEntitiesExcept(b, tenantId, kind, snap.keys.filter((k) => k.startsWith(keyPrefix[kind])).map((k) => k.slice(keyPrefix[kind].length)));
  }
  ticketItemsPart(b, tenantId, byKind.get('kitchenOrder') as Parameters<typeof ticketItemsPart>[2]);
  return b;
}

const headOf = async (q: Queryable, tenantId: string) =>
  (await q.query<{ version: string }>('SELECT version::text FROM sync_heads WHERE tenant_id = $1', [tenantId])).rows[0]?.version;

/**
 * Makes the hub's copy of the tenant the cloud's, in one transaction under the tenant's write lock,
 * and pokes the restaurant's screens if anything changed. `full` (a snapshot since 0) also drops
 * what the cloud does not have: that is how the hub's own refused changes are rolled back.
 * `endedCloudEpochs` (given in the first full mirror after the cloud was restored) also drops the
 * client groups whose last mutation ids the cloud lost and ends those epochs at the hub, which
 * starts its own next one (`cloud-restore.ts`); answers that epoch and how many groups it dropped.
 */
export async function applySnapshot(db: Database, snap: HubSnapshot, full: boolean, endedCloudEpochs?: readonly string[]): Promise<{ epoch: string; groupsReset: number } | undefined> {
  return db.transaction(async (q) => {
    const tenantId = snap.tenant.id;
    await q.query(lockTenant(tenantId));
    await q.query('INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name', [tenantId, snap.tenant.name]);
    const revoked = await mirrorTokens(q, tenantId, snap.tokens, full);
    const newEpoch = endedCloudEpochs ? await forgetGroupsAhead(q, tenantId, snap.clients, endedCloudEpochs) : undefined;
    const before = await headOf(q, tenantId);
    await mirrorWrites(tenantId, snap, full).run(q);
    // The triggers move the head for every write that changed what a terminal may hold.
    const changed = (await headOf(q, tenantId)) !== before;
    await q.query(
      `INSERT INTO hub_state (tenant_id, cloud_version, pulled_at, cloud_epoch) VALUES ($1, $2, now(), $3)
       ON CONFLICT (tenant_id) DO UPDATE SET cloud_version = EXCLUDED.cloud_version, pulled_at = now(), cloud_epoch = EXCLUDED.cloud_epoch`,
      [tenantId, snap.version, snap.epoch ?? null],
    );
    for (const tokenId of revoked) await notify(q, channels.revoke, tokenId);
    if (changed || newEpoch) await notify(q, channels.poke, { t: tenantId });
    return newEpoch;
  });
}

/** The tenant this hub mirrors, how far it read the cloud and in which of its epochs, from an earlier run. */
export async function mirroredState(q: Queryable): Promise<{ tenantId: string; version: number; epoch: string | undefined } | undefined> {
  const { rows } = await q.query<{ tenant_id: string; cloud_version: number; cloud_epoch: string | null }>('SELECT tenant_id, cloud_version, cloud_epoch FROM hub_state LIMIT 1');
  const row = rows[0];
  return row ? { tenantId: row.tenant_id, version: Number(row.cloud_version), epoch: row.cloud_epoch ?? undefined } : undefined;
}

/** What a hub's `/api/hub/pull` names as its epoch: the cloud's it mirrors, so a hub's copy compares equal to its cloud's. */
export const mirroredEpoch = async (q: Queryable): Promise<string | undefined> => (await mirroredState(q))?.epoch;
