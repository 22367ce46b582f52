import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { type Database, type Queryable, type QueryOptions, type TransactionOptions } from './database.ts';
import { executeSql, literalsAllowed, openingScript, preparedName, withLiterals } from './prepared.ts';
import { lockTenant } from './tenant-lock.ts';

/** The lock and the opening read, in one call where the read's values can be literals; the read's rows. */
async function open(tx: Transaction, options: TransactionOptions | undefined): Promise<Record<string, unknown>[]> {
  const { script, apart } = openingScript(options?.tenantLock ? [lockTenant(options.tenantLock)] : [], options?.opening);
  const results = script ? await tx.exec(script) : [];
  if (apart) return (await tx.query<Record<string, unknown>>(apart.sql, apart.params as unknown[])).rows;
  return options?.opening ? (results.at(-1)?.rows ?? []) : [];
}

/** Embedded Postgres: `memory://` or a data directory. One connection; PGlite serialises queries. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, { parsers: { 20: (v: string) => Number(v) } });
  // PGlite's one connection keeps prepared statements for its life, a rolled-back PREPARE included.
  // Each is prepared once: two first uses at the same moment (two screens' pulls) wait for one PREPARE.
  const prepared = new Map<string, Promise<unknown>>();
  /**
   * Parsing and planning run as WebAssembly on the server's own thread, several times slower than
   * a native Postgres, and PGlite's extended protocol (`query`) is six calls into it where a simple
   * query (`exec`) is two. So a statement goes as one simple query with its values written as
   * literals (the same text a bind parameter would carry); one asked to be prepared is, with SQL
   * PREPARE, and then run by EXECUTE. SQL text is sent as a C string: a NUL would cut it short, so
   * a statement with such a value goes by `query`, with bind parameters.
   */
  const run = async (target: PGlite | Transaction, sql: string, params: readonly unknown[] | undefined, options?: QueryOptions) => {
    const values = params ?? [];
    if (!literalsAllowed(values)) return (await target.query(sql, values as unknown[])).rows as never[];
    const simple = async (text: string) => ((await target.exec(text)).at(-1)?.rows ?? []) as never[];
    if (values.length === 0) return simple(sql);
    if (!options?.prepare) return simple(withLiterals(sql, values) as string);
    const name = preparedName(sql);
    let preparing = prepared.get(name);
    if (!preparing) {
      preparing = target.exec(`PREPARE ${name} AS ${sql}`);
      prepared.set(name, preparing);
      preparing.catch(() => prepared.delete(name));
    }
    await preparing;
    return simple(executeSql(name, values));
  };
  return {
    kind: 'pglite',
    async query(sql, params, options) {
      return { rows: await run(db, sql, params, options) };
    },
    async exec(sql) {
      await db.exec(sql);
    },
    async transaction(fn, options) {
      return db.transaction(async (tx) => {
        if (options?.isolation) await tx.query(`SET TRANSACTION ISOLATION LEVEL ${options.isolation.toUpperCase()}`);
        const q: Queryable = {
          query: async (sql, params, options) => ({ rows: await run(tx, sql, params, options) }),
          exec: async (sql) => void (await tx.exec(sql)),
        };
        return fn(q, await open(tx, options));
      });
    },
    async listen(channel, onPayload) {
      const unsubscribe = await db.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    // Notifications never leave the process, so none can be missed.
    onListenGap: () => undefined,
    // In the process: it cannot be restored under a running server.
    onListenLost: () => undefined,
    async close() {
      await db.close();
    },
  };
}
