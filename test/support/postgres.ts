import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The local test cluster started by scripts/setup-machine.sh; override with TEST_POSTGRES_URL. */
export const adminPostgresUrl =
  process.env.TEST_POSTGRES_URL ?? 'postgres://kitchensync:kitchensync@127.0.0.1:5432/postgres';

/** A new empty database for one test server; `drop` removes it. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ks_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminPostgresUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
