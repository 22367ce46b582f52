import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { lockSql, type Database } from './database.ts';

/** Embedded Postgres: `memory://` or a data directory. One connection; PGlite serialises queries. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { parsers: { 20: (v: string) => Number(v) } });
  return {
    kind: 'pglite',
    async query(sql, params) {
      const result = await db.query(sql, params as unknown[]);
      return { rows: result.rows as never[] };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async transaction(fn, options) {
      return db.transaction(async (tx) => {
        if (options?.isolation) await tx.query(`SET TRANSACTION ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
        if (options?.lock) await tx.query(lockSql('$1'), [options.lock]);
        return fn({
          query: async (sql, params) => ({ rows: (await tx.query(sql, params as unknown[])).rows as never[] }),
          exec: async (sql) => void (await tx.exec(sql)),
        });
      });
    },
    async listen(channel, onPayload) {
      const unsubscribe = await db.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    // Notifications never leave the process, so none can be missed.
    onListenGap: () => undefined,
    async close() {
      await db.close();
    },
  };
}
