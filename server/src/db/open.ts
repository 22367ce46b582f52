import type { Database } from './database.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

/** DESIGN.md storage rule: postgres:// → Postgres; memory:// → in-memory PGlite; unset → PGlite in dataDir. */
export function openDatabase(url: string | undefined, dataDir: string): Promise<Database> {
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  if (url === 'memory://') return openPglite('memory://');
  if (url) throw new Error(`DATABASE_URL must be postgres://…, postgresql://… or memory:// (got ${url.split(':')[0]}:…)`);
  return openPglite(dataDir);
}
