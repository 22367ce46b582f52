import type { Database, Queryable } from '../db/database.ts';
import { notify } from '../sync/notify.ts';
import type { Tenant } from './tenancy.ts';

/** NOTIFY channel naming a deleted tenant: every process forgets its tokens and closes its sockets. */
export const tenantDeletedChannel = 'ks_tenant_deleted';

/** Written last: deleting the tenant's rows leaves tombstones and moves its head through triggers. */
const writtenByDeletes = ['deleted_rows', 'sync_heads'];

export async function renameTenant(q: Queryable, tenantId: string, name: string): Promise<Tenant | undefined> {
  const { rows } = await q.query<Tenant>('UPDATE tenants SET name = $2 WHERE id = $1 RETURNING id, name', [tenantId, name]);
  return rows[0];
}

/** Every table with a `tenant_id`, read from the catalog so that a table added later is not forgotten. */
async function tenantTables(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT c.table_name AS name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.column_name = 'tenant_id' AND c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'tenants'
     ORDER BY c.table_name`,
  );
  const names = rows.map((r) => r.name);
  return [...names.filter((n) => !writtenByDeletes.includes(n)), ...writtenByDeletes.filter((n) => names.includes(n))];
}

/**
 * Removes a tenant and every row it has, under its advisory lock (no push or REST write of it runs
 * meanwhile), tokens included: each of them is unknown from the commit on (401), its hub's too.
 * Returns the rows deleted per table, or undefined for an unknown tenant.
 */
export async function deleteTenant(db: Database, tenantId: string): Promise<Record<string, number> | undefined> {
  return db.transaction(
    async (q) => {
      const found = await q.query('SELECT 1 FROM tenants WHERE id = $1 FOR UPDATE', [tenantId]);
      if (found.rows.length === 0) return undefined;
      const deleted: Record<string, number> = {};
      for (const table of await tenantTables(q)) {
        const { rows } = await q.query<{ n: number }>(`WITH gone AS (DELETE FROM ${table} WHERE tenant_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`, [tenantId]);
        deleted[table] = rows[0]?.n ?? 0;
      }
      await q.query('DELETE FROM tenants WHERE id = $1', [tenantId]);
      // Delivered on commit to every process, this one included (runtime.ts closes the sockets).
      await notify(q, tenantDeletedChannel, tenantId);
      return deleted;
    },
    { tenantLock: tenantId },
  );
}
