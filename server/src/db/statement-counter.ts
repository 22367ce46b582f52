import type { Database, Queryable } from './database.ts';

/**
 * A database that counts the statements sent through it (BEGIN and COMMIT included): how tests
 * and `pnpm bench sync` hold push and pull to their statement budgets.
 */
export function countStatements(db: Database): { db: Database; take(): number } {
  let count = 0;
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params, options) => ((count += 1), q.query(sql, params, options)),
    exec: (sql) => ((count += 1), q.exec(sql)),
  });
  const counted: Database = {
    ...db,
    ...wrap(db),
    // BEGIN and COMMIT, and the lock and the opening read sent with BEGIN.
    transaction: (fn, options) => ((count += 2 + (options?.tenantLock ? 1 : 0) + (options?.opening ? 1 : 0)), db.transaction((q, opened) => fn(wrap(q), opened), options)),
  };
  return { db: counted, take: () => count - (count = 0) };
}
