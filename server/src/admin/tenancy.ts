import type { Database, Queryable } from '../db/database.ts';
import { generateToken, hashToken, newId, type Role } from '../auth/tokens.ts';
import { channels, notify } from '../sync/notify.ts';

export interface Tenant {
  id: string;
  name: string;
}

/** Roles an admin issues tokens for; a `hub` token runs one restaurant's hub (server/src/hub). */
export const staffRoles = ['manager', 'kitchen', 'hub'] as const;
export type StaffRole = (typeof staffRoles)[number];

export interface IssuedToken {
  id: string;
  token: string;
  role: Role;
  tenantId: string;
}

export async function createTenant(q: Queryable, name: string): Promise<Tenant> {
  const tenant = { id: newId('ten'), name };
  await q.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [tenant.id, name]);
  return tenant;
}

export async function listTenants(q: Queryable): Promise<(Tenant & { createdAt: string })[]> {
  const { rows } = await q.query<{ id: string; name: string; created_at: Date }>(
    'SELECT id, name, created_at FROM tenants ORDER BY created_at, id',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: new Date(r.created_at).toISOString() }));
}

export async function tenantExists(q: Queryable, tenantId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM tenants WHERE id = $1', [tenantId])).rows.length > 0;
}

/** The secret is returned once; only its hash is kept. */
export async function issueToken(q: Queryable, tenantId: string, role: StaffRole, label: string): Promise<IssuedToken> {
  const token = generateToken(role);
  const id = newId('tok');
  await q.query('INSERT INTO tokens (id, tenant_id, role, label, hash) VALUES ($1, $2, $3, $4, $5)', [
    id,
    tenantId,
    role,
    label,
    hashToken(token),
  ]);
  // The tenant's restaurant hub pulls on a poke, so the new token works there too.
  await notify(q, channels.poke, { t: tenantId });
  return { id, token, role, tenantId };
}

export async function listTokens(q: Queryable, tenantId: string) {
  const { rows } = await q.query<{ id: string; role: Role; label: string; created_at: Date; revoked_at: Date | null }>(
    `SELECT id, role, label, created_at, revoked_at FROM tokens
     WHERE tenant_id = $1 AND role <> 'customer' ORDER BY created_at, id`,
    [tenantId],
  );
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    label: r.label,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  }));
}

/** Revokes at once: every process drops its cached principal and closes the token's sockets. */
export async function revokeToken(db: Database, tokenId: string): Promise<boolean> {
  return db.transaction(async (q) => {
    const { rows } = await q.query<{ tenant_id: string | null }>('UPDATE tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING tenant_id', [tokenId]);
    if (rows.length === 0) return false;
    await notify(q, channels.revoke, tokenId);
    // The tenant's restaurant hub pulls on a poke: the revocation reaches it (and its terminals) at once.
    if (rows[0]?.tenant_id) await notify(q, channels.poke, { t: rows[0].tenant_id });
    return true;
  });
}

export async function tokenExists(q: Queryable, tokenId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM tokens WHERE id = $1', [tokenId])).rows.length > 0;
}

export async function databaseStats(q: Queryable) {
  const count = async (table: string) => Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0);
  const tables = ['tenants', 'tokens', 'orders', 'kitchen_orders', 'products', 'stations', 'events', 'replicache_client_groups', 'replicache_clients', 'client_view_records'];
  const entries = await Promise.all(tables.map(async (t) => [t, await count(t)] as const));
  return Object.fromEntries(entries);
}
