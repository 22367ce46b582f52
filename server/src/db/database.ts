export interface QueryOptions {
  /**
   * Prepare the statement once per connection and reuse it (Postgres may then settle on a generic
   * plan, made from the statistics of that moment): only where one plan serves every parameter —
   * lookups and upserts by key, a pull's view since a recent head. Not for `id = ANY($ids)` reads,
   * whose arrays range from one id to hundreds: a generic plan made while a table was small
   * scanned a tenant's every order on each push, until the next ANALYZE.
   */
  prepare?: boolean;
  /**
   * The transaction's last statement: the database may send it and COMMIT in one round trip (on
   * Postgres, a prepared statement already parsed on that connection, run by `EXECUTE` with its
   * values as literals). Nothing may be sent in the transaction after it.
   */
  last?: boolean;
}

/** What the server needs from a SQL database; PGlite and Postgres both provide it. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<{ rows: R[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface TransactionOptions {
  isolation?: 'repeatable read';
  /**
   * Takes tenant `tenantLock`'s write lock (`tenant-lock.ts`) before `fn` runs (on Postgres in the
   * same round trip as BEGIN: a tenant's writes wait for each other without paying a round trip more).
   */
  tenantLock?: string;
  /**
   * A read to run first, in the same round trip as BEGIN and the lock where its values can be
   * written into the SQL: what a batch of pushes must know before it can run. Its rows are handed
   * to the transaction's function.
   */
  opening?: Statement;
}

/** One statement and its parameters. */
export interface Statement {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction on one connection, with the rows of `options.opening`; rolls back if it throws. */
  transaction<T>(fn: (q: Queryable, opened: Record<string, unknown>[]) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; payloads arrive only for committed transactions. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Called after notifications may have been missed (the LISTEN connection was lost and is back). */
  onListenGap(handler: () => void): void;
  /** Called when the LISTEN connection is lost: the database may come back restored to the past (`onListenGap` follows). */
  onListenLost(handler: () => void): void;
  close(): Promise<void>;
}
