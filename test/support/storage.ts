import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgresDatabase } from './postgres.ts';

export type Backend = 'pglite' | 'postgres';

/**
 * Where a server keeps its data, outliving any one process: a Postgres database or a PGlite
 * directory. Servers started on it (child or in-process) get `env`; the test removes it.
 */
export interface DurableStorage {
  readonly backend: Backend;
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

export async function durableStorage(backend: Backend): Promise<DurableStorage> {
  if (backend === 'postgres') {
    const db = await freshPostgresDatabase();
    return { backend, env: { DATABASE_URL: db.url }, remove: db.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'kitchensync-'));
  return {
    backend,
    env: { DATA_DIR: dir },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

