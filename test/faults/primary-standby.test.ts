import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { openSocket } from '../support/replicache-client.ts';
import { api, createTenant, type TestTenant } from '../support/server.ts';
import { startAuditedPusher, type AuditedPusher } from './support/audited-pusher.ts';
import { checkConverged, seedLoadMenu, startMixedLoad } from './support/mixed-load.ts';

/**
 * Runs against the primary + synchronous standby pair of scripts/pg-pair.sh (ports 5433/5434,
 * apart from the main cluster other suites use), which this file stops, kills and promotes; it
 * rebuilds the pair at the end so the next run finds it whole.
 */
const pairScript = fileURLToPath(new URL('../../scripts/pg-pair.sh', import.meta.url));
const pair = (...args: string[]) => execFileSync('bash', [pairScript, ...args], { encoding: 'utf8' }).trim();
const ports = () => pair('ensure').split(' ').map(Number) as [number, number];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const auth = 'kitchensync:kitchensync';

async function onPrimary(port: number, sql: string, params: unknown[] = [], database = 'postgres') {
  const client = new pg.Client({ connectionString: `postgres://${auth}@127.0.0.1:${port}/${database}` });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every acknowledged mutation created its order exactly once, wherever the primary now is. */
async function checkAudit(url: string, pusher: AuditedPusher) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ mutation_id: number; n: number }>(
      "SELECT mutation_id, count(*)::int AS n FROM events WHERE client_id = $1 AND type = 'order.created' GROUP BY 1",
      [pusher.clientID],
    );
    const counts = new Map(rows.map((r) => [r.mutation_id, r.n]));
    expect(pusher.acknowledged.filter((a) => counts.get(a.id) !== 1), 'acknowledged mutations missing or repeated').toEqual([]);
  } finally {
    await client.end();
  }
}

describe('Postgres primary + synchronous standby', () => {
  let database: string;
  let primary: number;
  let standby: number;
  /** libpq's multi-host form: whichever host accepts writes. */
  const databaseUrl = () => `postgres://${auth}@127.0.0.1:${primary},127.0.0.1:${standby}/${database}?target_session_attrs=read-write`;
  const directUrl = (port: number) => `postgres://${auth}@127.0.0.1:${port}/${database}`;
  const servers: ChildServer[] = [];
  let tenant: TestTenant;

  beforeAll(async () => {
    [primary, standby] = ports();
    database = `ks_pair_${randomBytes(5).toString('hex')}`;
    await onPrimary(primary, `CREATE DATABASE ${database}`);
    servers.push(...(await Promise.all([0, 1].map(() => startChildServer({ backend: 'postgres', env: { DATABASE_URL: databaseUrl() }, remove: async () => undefined })))));
    tenant = await createTenant(servers[0] as ChildServer);
    await seedLoadMenu(servers[0] as ChildServer, tenant);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    [primary] = ports();
    await onPrimary(primary, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }, 120_000);

  it('stays up while Postgres is stopped for 10 s, answering 503, and takes pushes again within 2 s of its return', async () => {
    const server = servers[0] as ChildServer;
    const pusher = startAuditedPusher(server, tenant.managerToken, 10);
    await sleep(300);
    pair('stop', String(primary));
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('database unreachable') });
    const rest = await api(server, tenant.managerToken, 'GET', '/api/orders');
    expect(rest).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
    expect(rest.headers.get('retry-after')).toBe('2');
    // A socket's token cannot be checked now: "try again later", not "bad token" (which ends the client's retries).
    expect(await openSocket(server, JSON.stringify({ type: 'hello', token: tenant.kitchenToken })).closed).toBe(1013);
    await sleep(10_000);
    pair('start', String(primary));
    const back = Date.now();
    for (const wait = Date.now() + 2000; Date.now() < wait && !pusher.acknowledged.some((a) => a.at >= back); ) await sleep(20);
    await pusher.stop();
    const recoveredMs = (pusher.acknowledged.find((a) => a.at >= back)?.at ?? Infinity) - back;
    expect(recoveredMs).toBeLessThan(2000);
    expect(server.process.exitCode).toBeNull();
    expect(new Set(pusher.refused.map((r) => r.status))).toEqual(new Set([503]));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    await checkAudit(directUrl(primary), pusher);
    process.stdout.write(`postgres stopped 10 s: ${pusher.refused.length} pushes refused (503), first push saved ${recoveredMs} ms after its return\n`);
  }, 60_000);

  it('starts while Postgres is down: the server waits, retrying, and comes up once it is back', async () => {
    pair('stop', String(primary));
    const starting = startChildServer({ backend: 'postgres', env: { DATABASE_URL: databaseUrl() }, remove: async () => undefined });
    let up = false;
    void starting.then(() => (up = true), () => undefined);
    await sleep(3000);
    expect(up).toBe(false);
    pair('start', String(primary));
    const late = await starting;
    try {
      expect((await fetch(`${late.url}/api/health`)).status).toBe(200);
    } finally {
      await late.stop();
    }
  }, 60_000);

  it('fails over: primary killed under load, standby promoted, both servers write to it within 5 s, nothing acknowledged lost or repeated', async () => {
    const [east, west] = servers as [ChildServer, ChildServer];
    const pushers = [startAuditedPusher(east, tenant.managerToken), startAuditedPusher(west, tenant.managerToken)];
    const load = startMixedLoad([east, west], tenant, { restLoops: 2, clients: 2 });
    await sleep(1000);
    const killedAt = Date.now();
    pair('kill', String(primary));
    await sleep(500);
    pair('promote', String(standby));
    const promotedAt = Date.now();
    [primary, standby] = [standby, primary];
    for (const wait = Date.now() + 5000; Date.now() < wait && !pushers.every((p) => p.acknowledged.some((a) => a.at >= promotedAt)); ) await sleep(20);
    await sleep(500);
    await Promise.all(pushers.map((p) => p.stop()));
    await load.stop();

    const firstSaved = pushers.map((p) => (p.acknowledged.find((a) => a.at >= promotedAt)?.at ?? Infinity) - promotedAt);
    expect(Math.max(...firstSaved)).toBeLessThan(5000);
    expect(east.process.exitCode).toBeNull();
    expect(west.process.exitCode).toBeNull();
    const statuses = Object.fromEntries(load.statuses);
    expect(Object.keys(statuses).every((s) => ['200', '201', '503'].includes(s)), JSON.stringify(statuses)).toBe(true);
    for (const p of pushers) await checkAudit(directUrl(primary), p);
    const { orders } = await checkConverged(load, directUrl(primary));
    await load.close();
    const refused = pushers.reduce((n, p) => n + p.refused.filter((r) => r.at >= killedAt).length, 0);
    // A push already committed when the primary died may still be answered 200 just after: the
    // outage starts, for each pusher, at its first refusal.
    const firstAfterKill = Math.max(
      ...pushers.map((p) => {
        const outage = p.refused.find((r) => r.at >= killedAt)?.at ?? killedAt;
        return (p.acknowledged.find((a) => a.at >= outage)?.at ?? Infinity) - killedAt;
      }),
    );
    process.stdout.write(
      `failover: primary killed → first push saved on the new primary ${firstAfterKill} ms (promotion at +${promotedAt - killedAt} ms; servers back ${firstSaved.join(', ')} ms after it); ` +
        `${refused} pushes refused meanwhile; acknowledged ${pushers.map((p) => p.acknowledged.length).join(' + ')} audited mutations, ${orders} client orders, none lost or repeated\n`,
    );
  }, 90_000);
});
