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
    // BEGIN and COMMIT, and the lock sent with BEGIN.
    transaction: (fn, options) => ((count += options?.lock ? 3 : 2), db.transaction((q) => fn(wrap(q)), options)),
  };
  return { db: counted, take: () => count - (count = 0) };
}
