// `pnpm bench notify [--connections 10] [--seconds 10] [--runs 3]`: what a NOTIFY inside a write
// transaction costs every writer of the database. Postgres serialises the commits of all
// transactions that sent a NOTIFY (a database-wide lock taken before the commit record and held
// until after it is flushed), so their WAL flushes no longer overlap. Measured on a scratch
// database of the local cluster (DATABASE_URL's, default the test cluster on 5432): `connections`
// writers each commit small transactions as fast as they can, with the NOTIFY inside the
// transaction (as the server sent its pokes before), after the commit by the server's
// `PokeRelay` (asynchronous commit; the pokes of commits made while one NOTIFY is on its way go
// together in the next), or not at all. Modes alternate within each run.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPostgres } from '../server/src/db/postgres.ts';
import { channels } from '../server/src/sync/notify.ts';
import { PokeRelay } from '../server/src/sync/poke-relay.ts';
import { median, percentile } from './lib/stats.ts';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '10' }, seconds: { type: 'string', default: '10' }, runs: { type: 'string', default: '3' } } });
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const runs = Number(values.runs);
const server = new URL(process.env.DATABASE_URL ?? 'postgres://kitchensync:kitchensync@127.0.0.1:5432/postgres');
const scratch = `ks_notify_${randomBytes(4).toString('hex')}`;
const on = (database: string) => Object.assign(new URL(server), { pathname: `/${database}` }).toString();

type Mode = 'inside the transaction' | 'after the commit (PokeRelay)' | 'none';
const modes: Mode[] = ['inside the transaction', 'after the commit (PokeRelay)', 'none'];

/** One writer's transaction: the shape of a push (BEGIN, a write, COMMIT), with the mode's NOTIFY. */
async function writeOnce(c: pg.Client, tenant: number, mode: Mode, relay: PokeRelay): Promise<void> {
  await c.query('BEGIN');
  await c.query('INSERT INTO writes (tenant, at) VALUES ($1, clock_timestamp())', [tenant]);
  if (mode === 'inside the transaction') await c.query('SELECT pg_notify($1, $2)', [channels.poke, JSON.stringify({ t: String(tenant) })]);
  await c.query('COMMIT');
  if (mode === 'after the commit (PokeRelay)') relay.send({ t: String(tenant) });
}

async function measure(clients: pg.Client[], mode: Mode, relay: PokeRelay) {
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      while (Date.now() < end) {
        const start = performance.now();
        await writeOnce(c, i, mode, relay);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const admin = new pg.Client({ connectionString: server.toString() });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
const clients = Array.from({ length: connections }, () => new pg.Client({ connectionString: on(scratch) }));
const listener = new pg.Client({ connectionString: on(scratch) });
const relayDb = await openPostgres(on(scratch));
const relay = new PokeRelay(relayDb, 'bench', (error) => {
  throw error;
});
try {
  await Promise.all([...clients, listener].map((c) => c.connect()));
  await clients[0]?.query('CREATE TABLE writes (id bigserial PRIMARY KEY, tenant int NOT NULL, at timestamptz NOT NULL)');
  let heard = 0;
  listener.on('notification', () => (heard += 1));
  await listener.query(`LISTEN ${channels.poke}`);
  const results = new Map<Mode, { perSecond: number; p50: number; p99: number }[]>(modes.map((m) => [m, []]));
  for (let run = 1; run <= runs; run++) {
    for (const mode of modes) {
      const result = await measure(clients, mode, relay);
      await relay.settled();
      results.get(mode)?.push(result);
      console.log(`run ${run}, NOTIFY ${mode}: ${result.perSecond.toFixed(0)} commits/s, commit p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`);
    }
  }
  console.log(`\n${connections} writers, ${seconds} s a point, ${runs} runs (medians; ${heard} notifications heard by a listener)`);
  console.log('| NOTIFY | commits/s | commit p50 ms | commit p99 ms |\n|---|---|---|---|');
  for (const [mode, rs] of results) {
    console.log(`| ${mode} | ${median(rs.map((r) => r.perSecond)).toFixed(0)} | ${median(rs.map((r) => r.p50)).toFixed(2)} | ${median(rs.map((r) => r.p99)).toFixed(2)} |`);
  }
} finally {
  await Promise.all([...clients, listener].map((c) => c.end()));
  await relayDb.close();
  await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  await admin.end();
}
