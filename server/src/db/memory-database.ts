import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';

/** An in-memory PGlite with the schema migrated and, if given, one tenant: a real database for tests. */
export async function migratedMemoryDatabase(tenant?: { id: string; name: string }): Promise<Database> {
  const db = await openPglite('memory://');
  await migrate(db);
  if (tenant) await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [tenant.id, tenant.name]);
  return db;
}
