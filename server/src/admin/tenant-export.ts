import type { Database, Queryable } from '../db/database.ts';
import { readTenantSettings } from '../db/tenant-settings-queries.ts';

/** Entities kept as the API shows them (a `data` document per row), by the archive's name for them. */
const documents = { products: 'products', stations: 'stations', customers: 'customers', orders: 'orders', contracts: 'contracts', kitchenOrders: 'kitchen_orders' } as const;

export const exportFormat = 'kitchensync-tenant-export';
export const exportFormatVersion = 1;

/** An order's tracking token is a live bearer token: it stays on the server like every other token. */
async function documentsOf(q: Queryable, table: string, tenantId: string): Promise<unknown[]> {
  const { rows } = await q.query<{ data: unknown }>(`SELECT data - 'trackingToken' AS data FROM ${table} WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
  return rows.map((r) => r.data);
}

/** Rows as they are stored, without the tenant id every one of them shares. */
async function rowsOf(q: Queryable, table: string, order: string, tenantId: string): Promise<unknown[]> {
  const { rows } = await q.query<{ row: unknown }>(`SELECT to_jsonb(t) - 'tenant_id' AS row FROM ${table} t WHERE tenant_id = $1 ORDER BY ${order}`, [tenantId]);
  return rows.map((r) => r.row);
}

/**
 * Everything of a tenant an operator hands over or keeps (orders with their contracts and kitchen
 * orders, the audit history, menu, stations, customers, settings) as one JSON document, read in one
 * snapshot. Tokens and sync bookkeeping stay out: they mean nothing outside this server.
 */
export async function exportTenant(db: Database, tenantId: string) {
  return db.transaction(
    async (q) => {
      const { rows } = await q.query<{ id: string; name: string; created_at: Date }>('SELECT id, name, created_at FROM tenants WHERE id = $1', [tenantId]);
      const tenant = rows[0];
      if (!tenant) return undefined;
      const entities = {} as Record<keyof typeof documents, unknown[]>;
      for (const [name, table] of Object.entries(documents)) entities[name as keyof typeof documents] = await documentsOf(q, table, tenantId);
      return {
        format: exportFormat,
        formatVersion: exportFormatVersion,
        exportedAt: new Date().toISOString(),
        tenant: { id: tenant.id, name: tenant.name, createdAt: new Date(tenant.created_at).toISOString() },
        settings: await readTenantSettings(q, tenantId),
        ...entities,
        kitchenItems: await rowsOf(q, 'kitchen_order_items', 'kitchen_order_id, item_id', tenantId),
        events: await rowsOf(q, 'events', 'seq', tenantId),
      };
    },
    { isolation: 'repeatable read' },
  );
}
