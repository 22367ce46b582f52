// This machine's floor for "visible on another client": two Replicache clients against the echo
// backend, plus what any server must add at least, one push-shaped Postgres transaction and one
// read. The same transaction, run back to back from four connections on one advisory lock, is the
// ceiling a one-mutation push of one tenant is held against (what pgbench does with that shape).
import pg from 'pg';
import { createDatabase } from './server-process.ts';
import { ms, percentile } from './stats.ts';

const schema = `
  CREATE TABLE rows (tenant_id text, id text, data jsonb, version bigint, PRIMARY KEY (tenant_id, id));
  CREATE TABLE clients (id text PRIMARY KEY, lmid int);
  CREATE SEQUENCE v;`;

async function pushShaped(c: pg.ClientBase, n: number) {
  await c.query('BEGIN');
  await c.query('SELECT pg_advisory_xact_lock(42)');
  await c.query(
    `INSERT INTO rows VALUES ('t', $1, $2, nextval('v')) ON CONFLICT (tenant_id, id) DO UPDATE SET data = EXCLUDED.data, version = EXCLUDED.version`,
    [`r${n}`, JSON.stringify({ id: `r${n}`, name: 'floor', priceCents: n })],
  );
  await c.query('INSERT INTO clients VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET lmid = EXCLUDED.lmid', ['c', n]);
  await c.query(`SELECT pg_notify('floor', 't')`);
  await c.query('COMMIT');
}

/**
 * The floor's transaction and read on a fresh database, for the echo backend to run behind it:
 * from a pool, as a server would (B's pull on a poke and A's untimed pull may overlap).
 */
export async function floorDatabase() {
  const db = await createDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  await pool.query(schema);
  let n = 0;
  return {
    push: async () => {
      const c = await pool.connect();
      try {
        await pushShaped(c, (n += 1));
      } finally {
        c.release();
      }
    },
    pull: async (since: number) => void (await pool.query(`SELECT id, data FROM rows WHERE tenant_id = 't' AND version > $1`, [since])),
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}

export interface DatabaseFloor {
  transactionMs: number;
  readMs: number;
  ceilingTxPerSecond: number;
}

export async function databaseFloor(samples = 300): Promise<DatabaseFloor> {
  const db = await createDatabase();
  const clients = await Promise.all(Array.from({ length: 4 }, async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    return c;
  }));
  try {
    const [main] = clients as [pg.Client];
    await main.query(schema);
    const tx: number[] = [];
    const read: number[] = [];
    for (let n = 0; n < samples; n++) {
      let start = process.hrtime.bigint();
      await pushShaped(main, n);
      tx.push(ms(start));
      start = process.hrtime.bigint();
      await main.query(`SELECT id, data FROM rows WHERE tenant_id = 't' AND version > $1`, [n]);
      read.push(ms(start));
    }
    let done = 0;
    const until = Date.now() + 3000;
    const start = process.hrtime.bigint();
    await Promise.all(clients.map(async (c, k) => {
      while (Date.now() < until) await pushShaped(c, 10_000 * (k + 1) + done++);
    }));
    return {
      transactionMs: Number(percentile(tx, 50).toFixed(2)),
      readMs: Number(percentile(read, 50).toFixed(2)),
      ceilingTxPerSecond: Math.round(done / (ms(start) / 1000)),
    };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    await db.drop();
  }
}
