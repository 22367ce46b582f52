import { keyPrefix } from '@kitchensync/shared';
import type { Queryable } from '../db/database.ts';
import { entityTables, type StoredKind } from '../db/entities.ts';
import type { HubSnapshot, MirroredToken } from './hub-protocol.ts';

const kinds = Object.keys(entityTables) as StoredKind[];
const allKeys = kinds
  .map((kind) => `SELECT '${keyPrefix[kind]}' || id AS key, version FROM ${entityTables[kind]} WHERE tenant_id = $1`)
  .join('\nUNION ALL ');
const maxVersion = `SELECT coalesce(max(version), 0) AS version FROM (${allKeys}) v`;
const newRows = kinds
  .map((kind) => `SELECT '${keyPrefix[kind]}' || id AS key, data FROM ${entityTables[kind]} WHERE tenant_id = $1 AND version > $2`)
  .join('\nUNION ALL ');

/**
 * The tenant as the cloud has it, for its hub: rows changed since `since`, on a full pull (since 0)
 * every key (so the hub drops what the cloud does not have), rejections, client bookkeeping and
 * token hashes. Run in one snapshot.
 */
export async function exportTenant(q: Queryable, tenantId: string, since: number): Promise<HubSnapshot> {
  const tenant = (await q.query<{ id: string; name: string }>('SELECT id, name FROM tenants WHERE id = $1', [tenantId])).rows[0];
  if (!tenant) throw new Error(`tenant ${tenantId} is gone`);
  const keys = since === 0 ? (await q.query<{ key: string }>(allKeys, [tenantId])).rows.map((k) => k.key) : [];
  const version = Number((await q.query<{ version: number }>(maxVersion, [tenantId])).rows[0]?.version ?? 0);
  const rows = (await q.query<{ key: string; data: unknown }>(newRows, [tenantId, since])).rows;
  const rejections = await q.query<{ clientGroupID: string; key: string; data: unknown }>(
    'SELECT client_group_id AS "clientGroupID", key, data FROM rejections WHERE tenant_id = $1',
    [tenantId],
  );
  const groups = await q.query<{ id: string; tokenId: string }>(
    'SELECT id, token_id AS "tokenId" FROM replicache_client_groups WHERE tenant_id = $1',
    [tenantId],
  );
  const clients = await q.query<{ id: string; clientGroupID: string; lastMutationID: number }>(
    `SELECT c.id, c.client_group_id AS "clientGroupID", c.last_mutation_id AS "lastMutationID"
     FROM replicache_clients c JOIN replicache_client_groups g ON g.id = c.client_group_id WHERE g.tenant_id = $1`,
    [tenantId],
  );
  const tokens = await q.query<{ id: string; role: string; label: string; hash: string; order_id: string | null; revoked_at: Date | null }>(
    'SELECT id, role, label, hash, order_id, revoked_at FROM tokens WHERE tenant_id = $1',
    [tenantId],
  );
  return {
    tenant,
    version: Math.max(version, since),
    rows,
    keys,
    rejections: rejections.rows,
    groups: groups.rows,
    clients: clients.rows,
    tokens: tokens.rows.map(
      (t): MirroredToken => ({
        id: t.id,
        role: t.role,
        label: t.label,
        hash: t.hash,
        orderId: t.order_id,
        revokedAt: t.revoked_at ? new Date(t.revoked_at).toISOString() : null,
      }),
    ),
  };
}

/** A staff token of this tenant that is still valid: the principal a forwarded push runs as. */
export async function terminalToken(q: Queryable, tenantId: string, tokenId: string) {
  const { rows } = await q.query<{ id: string; role: 'manager' | 'kitchen' }>(
    `SELECT id, role FROM tokens WHERE id = $1 AND tenant_id = $2 AND role IN ('manager', 'kitchen') AND revoked_at IS NULL`,
    [tokenId, tenantId],
  );
  return rows[0];
}
