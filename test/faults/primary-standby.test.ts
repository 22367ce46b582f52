import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { openSocket } from '../support/replicache-client.ts';
import { api, createTenant, type TestTenant } from '../support/server.ts';
import { checkAudit, startAuditedPusher } from './support/audited-pusher.ts';
import { auth, databaseOn, onCluster } from './support/cluster-sql.ts';
import { seedLoadMenu } from './support/mixed-load.ts';

/**
 * Runs against the primary + synchronous standby pair of scripts/pg-pair.sh (ports 5433/5434,
 * apart from the main cluster other suites use), which this file stops and starts; it makes the
 * pair whole again at the end. Failover without a person is auto-failover.test.ts.
 */
const pairScript = fileURLToPath(new URL('../../scripts/pg-pair.sh', import.meta.url));
const pair = (...args: string[]) => execFileSync('bash', [pairScript, ...args], { encoding: 'utf8' }).trim();
const ports = () => pair('ensure').split(' ').map(Number) as [number, number];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Postgres primary + synchronous standby', () => {
  let database: string;
  let primary: number;
  let standby: number;
  /** libpq's multi-host form: whichever host accepts writes. */
  const databaseUrl = () => `postgres://${auth}@127.0.0.1:${primary},127.0.0.1:${standby}/${database}?target_session_attrs=read-write`;
  const servers: ChildServer[] = [];
  let tenant: TestTenant;

  beforeAll(async () => {
    [primary, standby] = ports();
    database = `ks_pair_${randomBytes(5).toString('hex')}`;
    await onCluster(primary, `CREATE DATABASE ${database}`);
    servers.push(await startChildServer({ backend: 'postgres', env: { DATABASE_URL: databaseUrl() }, remove: async () => undefined }));
    tenant = await createTenant(servers[0] as ChildServer);
    await seedLoadMenu(servers[0] as ChildServer, tenant);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    [primary] = ports();
    await onCluster(primary, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
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
    await checkAudit(databaseOn(primary, database), pusher);
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
});
