import pg from 'pg';
import { type Database, type Queryable, type QueryOptions, type TransactionOptions } from './database.ts';
import { isDatabaseUnavailable } from './database-errors.ts';
import { clientConfig, HostSelector } from './host-selector.ts';
import { parsePgHosts, type PgHost } from './pg-hosts.ts';
import { PgListener } from './pg-listener.ts';
import { executeSql, literalsAllowed, openingScript, preparedName } from './prepared.ts';
import { lockTenant } from './tenant-lock.ts';

// bigint columns (versions, sequence numbers) fit in a JS number for this system's lifetime.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** A query for `pg`: named after its text when prepared, so each connection parses and plans it once. */
function pgQuery(text: string, params: readonly unknown[] | undefined, options?: QueryOptions): pg.QueryConfig {
  const values = (params ?? []) as unknown[];
  if (!options?.prepare) return { text, values };
  return { name: preparedName(text), text, values };
}

/**
 * BEGIN, the lock and the opening read in one round trip: without parameters they go as one
 * simple-protocol query, with the values written as literals (unless one cannot be). Returns the
 * opening read's rows.
 */
async function open(client: pg.PoolClient, options: TransactionOptions | undefined): Promise<Record<string, unknown>[]> {
  const begin = options?.isolation ? `BEGIN ISOLATION LEVEL ${options.isolation.toUpperCase()}` : 'BEGIN';
  const { script, apart } = openingScript([begin, ...(options?.tenantLock ? [lockTenant(options.tenantLock)] : [])], options?.opening);
  const results = (await client.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
  if (apart) return (await client.query(apart.sql, apart.params as unknown[])).rows;
  return options?.opening && Array.isArray(results) ? (results.at(-1)?.rows ?? []) : [];
}

/** The prepared statements each pooled connection has parsed (pg parses a named statement on its first run there). */
const parsedOn = new WeakMap<pg.PoolClient, Set<string>>();

async function run(client: pg.PoolClient, sql: string, params: readonly unknown[] | undefined, options?: QueryOptions) {
  const query = pgQuery(sql, params, options);
  const { rows } = await client.query(query);
  if (query.name) parsedOn.set(client, (parsedOn.get(client) ?? new Set()).add(query.name));
  return rows;
}

/**
 * A transaction's last statement and COMMIT in one round trip, when the statement is already
 * parsed on this connection and its values can be literals: `EXECUTE name(...); COMMIT` as one
 * simple-protocol query. Undefined otherwise (the statement then goes alone, COMMIT after it).
 */
function withCommit(client: pg.PoolClient, sql: string, params: readonly unknown[], options: QueryOptions): Promise<Record<string, unknown>[]> | undefined {
  const name = options.prepare ? preparedName(sql) : undefined;
  if (!name || !parsedOn.get(client)?.has(name) || !literalsAllowed(params)) return undefined;
  return client.query(`${executeSql(name, params)}; COMMIT`).then((results) => (results as unknown as pg.QueryResult[])[0]?.rows ?? []);
}

function newPool(host: PgHost, max: number): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(host), max });
  // A lost connection must never be an unhandled 'error' event (it would end the process): an
  // idle client is dropped by the pool, and a checked-out one fails the query in flight.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/**
 * Postgres through a pool on the host the selector picked (one host, or the writable one of a
 * multi-host DATABASE_URL). A lost connection fails only the statements in flight, with an error
 * the HTTP edge answers 503; the next statement finds the host again, and gets a new pool if the
 * host changed (a failover).
 */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const selector = new HostSelector(parsePgHosts(url));
  const listener = new PgListener(selector);
  let current: { host: PgHost; pool: pg.Pool } | undefined;

  const use = async () => {
    const host = await selector.host();
    if (current?.host !== host) {
      void current?.pool.end().catch(() => undefined);
      current = { host, pool: newPool(host, poolSize) };
    }
    return current;
  };
  const failed = (used: { host: PgHost }, err: unknown) => {
    if (isDatabaseUnavailable(err)) selector.lost(used.host);
  };

  const query: Queryable['query'] = async (sql, params, options) => {
    const used = await use();
    try {
      return { rows: (await used.pool.query(pgQuery(sql, params, options))).rows };
    } catch (err) {
      failed(used, err);
      throw err;
    }
  };

  /**
   * Runs `work` on a connection of the pool; if it fails, a transaction it left open is rolled back
   * (`rollback`), and a lost connection is destroyed rather than handed out again.
   */
  const checkedOut = async <T>(work: (client: pg.PoolClient) => Promise<T>, rollback: boolean): Promise<T> => {
    const used = await use();
    const client = await used.pool.connect().catch((err: unknown) => {
      failed(used, err);
      throw err;
    });
    let lost: Error | undefined;
    try {
      return await work(client);
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        lost = err as Error;
        failed(used, err);
      } else if (rollback) await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release(lost);
    }
  };

  return {
    kind: 'postgres',
    query,
    async exec(sql) {
      await query(sql);
    },
    transaction: (fn, options) =>
      checkedOut(async (client) => {
        let committed = false;
        const result = await fn(
          {
            query: async (sql, params, queryOptions) => {
              const last = queryOptions?.last ? withCommit(client, sql, params ?? [], queryOptions) : undefined;
              if (last) committed = true;
              return { rows: last ? await last : await run(client, sql, params, queryOptions) };
            },
            exec: async (sql) => void (await client.query(sql)),
          },
          await open(client, options),
        );
        if (!committed) await client.query('COMMIT');
        return result;
      }, true),
    listen: (channel, onPayload) => listener.listen(channel, onPayload),
    onListenGap: (handler) => listener.onGap(handler),
    onListenLost: (handler) => listener.onLost(handler),
    async close() {
      await listener.close();
      await current?.pool.end();
    },
  };
}
