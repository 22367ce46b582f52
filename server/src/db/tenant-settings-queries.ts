import type { Queryable } from './database.ts';

export interface TenantSettings {
  readonly name: string;
  readonly phone: string | null;
}

/** The restaurant's public details; the tenant's own name until a manager sets another. */
export async function readTenantSettings(q: Queryable, tenantId: string): Promise<TenantSettings | undefined> {
  const { rows } = await q.query<TenantSettings>(
    `SELECT COALESCE(s.name, t.name) AS name, s.phone
     FROM tenants t LEFT JOIN tenant_settings s ON s.tenant_id = t.id
     WHERE t.id = $1`,
    [tenantId],
  );
  return rows[0];
}

/** Changes only the fields given (`phone: null` removes the phone). */
export async function writeTenantSettings(q: Queryable, tenantId: string, change: { name?: string | undefined; phone?: string | null | undefined }): Promise<void> {
  await q.query(
    `INSERT INTO tenant_settings (tenant_id, name, phone) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id) DO UPDATE SET
       name = CASE WHEN $4 THEN EXCLUDED.name ELSE tenant_settings.name END,
       phone = CASE WHEN $5 THEN EXCLUDED.phone ELSE tenant_settings.phone END,
       updated_at = now()`,
    [tenantId, change.name ?? null, change.phone ?? null, change.name !== undefined, change.phone !== undefined],
  );
}
