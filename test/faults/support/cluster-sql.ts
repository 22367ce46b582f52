import pg from 'pg';

/** The test role on every local cluster (scripts/setup-machine.sh). */
export const auth = 'kitchensync:kitchensync';
export const databaseOn = (port: number, database: string) => `postgres://${auth}@127.0.0.1:${port}/${database}`;

/** Runs one statement on the cluster at `port` (database `postgres` unless named). */
export async function onCluster<R extends pg.QueryResultRow = Record<string, unknown>>(port: number, sql: string, params: unknown[] = [], database = 'postgres'): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseOn(port, database) });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
