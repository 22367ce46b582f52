import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { createTenant, type TestTenant } from '../support/server.ts';
import { checkAudit, startAuditedPusher } from './support/audited-pusher.ts';
import { auth, databaseOn, onCluster } from './support/cluster-sql.ts';
import { checkConverged, seedLoadMenu, startMixedLoad } from './support/mixed-load.ts';

/**
 * Failover without a person (issue 23, point 6b): the primary + synchronous standby that
 * pg_auto_failover runs (scripts/pg-ha.sh: monitor on 5436, nodes on 5437/5438). The test kills
 * the primary's machine (keeper and Postgres, -9) and promotes nothing: the monitor does. It
 * starts the dead node's keeper again at the end, which rejoins as the standby.
 */
const haScript = fileURLToPath(new URL('../../scripts/pg-ha.sh', import.meta.url));
const ha = (...args: string[]) => execFileSync('bash', [haScript, ...args], { encoding: 'utf8' }).trim();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Postgres under pg_auto_failover', () => {
  const database = `ks_ha_${randomBytes(5).toString('hex')}`;
  let primary: number;
  let standby: number;
  const servers: ChildServer[] = [];
  let tenant: TestTenant;

  beforeAll(async () => {
    [primary, standby] = ha('ensure').split(' ').map(Number) as [number, number];
    await onCluster(primary, `CREATE DATABASE ${database}`);
    // Both nodes in libpq's multi-host form: the servers use whichever accepts writes.
    const url = `postgres://${auth}@127.0.0.1:${primary},127.0.0.1:${standby}/${database}?target_session_attrs=read-write`;
    servers.push(...(await Promise.all([0, 1].map(() => startChildServer({ backend: 'postgres', env: { DATABASE_URL: url }, remove: async () => undefined })))));
    tenant = await createTenant(servers[0] as ChildServer);
    await seedLoadMenu(servers[0] as ChildServer, tenant);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    ha('start', String(primary));
    const [now] = ha('ensure').split(' ').map(Number) as [number];
    await onCluster(now, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }, 120_000);

  it('replaces a dead primary by itself: both servers write again, every acknowledged mutation present once', async () => {
    const [east, west] = servers as [ChildServer, ChildServer];
    const pushers = [startAuditedPusher(east, tenant.managerToken), startAuditedPusher(west, tenant.managerToken)];
    const load = startMixedLoad([east, west], tenant, { restLoops: 2, clients: 2 });
    await sleep(2000);
    const killedAt = Date.now();
    ha('kill', String(primary));
    // Nobody promotes: wait for both servers' pushes to be saved again.
    const outageOf = (p: (typeof pushers)[number]) => p.refused.find((r) => r.at >= killedAt)?.at ?? killedAt;
    const backAt = (p: (typeof pushers)[number]) => p.acknowledged.find((a) => a.at > outageOf(p))?.at;
    for (const wait = Date.now() + 30_000; Date.now() < wait && !pushers.every((p) => backAt(p) !== undefined && p.refused.some((r) => r.at >= killedAt)); ) await sleep(50);
    await sleep(500);
    await Promise.all(pushers.map((p) => p.stop()));
    await load.stop();

    const [newPrimary] = ha('ports').split(' ').map(Number) as [number];
    expect(newPrimary).toBe(standby);
    const back = pushers.map((p) => (backAt(p) ?? Infinity) - killedAt);
    expect(Math.max(...back)).toBeLessThan(30_000);
    expect(east.process.exitCode).toBeNull();
    expect(west.process.exitCode).toBeNull();
    const statuses = Object.fromEntries(load.statuses);
    expect(Object.keys(statuses).every((s) => ['200', '201', '503'].includes(s)), JSON.stringify(statuses)).toBe(true);
    for (const p of pushers) await checkAudit(databaseOn(newPrimary, database), p);
    const { orders } = await checkConverged(load, databaseOn(newPrimary, database));
    await load.close();
    const refused = pushers.reduce((n, p) => n + p.refused.filter((r) => r.at >= killedAt).length, 0);
    process.stdout.write(
      `auto failover (pg_auto_failover): primary ${primary} killed, ${standby} promoted by the monitor; servers writing again after ${back.join(' and ')} ms; ` +
        `${refused} pushes refused meanwhile (503); acknowledged ${pushers.map((p) => p.acknowledged.length).join(' + ')} audited mutations and ${orders} client orders, none lost or repeated\n`,
    );
  }, 90_000);
});
