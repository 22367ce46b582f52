import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { createTenant, type TestTenant } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { backup, backupCluster as cluster, cloudOrders, restoreTarget, takeBackupCluster } from './support/cloud-drill.ts';
import { databaseOn, onCluster } from './support/cluster-sql.ts';
import { seedLoadMenu } from './support/mixed-load.ts';
import { replicaOrders, startTerminal } from './support/terminal.ts';

/**
 * The restore drill (issue 23, point 6), against the cluster that scripts/backup.sh archives
 * continuously (ks_backup on 5435, set up by scripts/setup-machine.sh): terminals take orders
 * while the database is restored to a moment seconds before, and must end up equal to it.
 */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Orders on the server with the time each was committed. */
const storedOrders = async (database: string) => new Map((await cloudOrders(database)).map((o) => [o.id, o.at]));

describe('restore drill: point-in-time recovery with terminals running', () => {
  const database = `ks_drill_${randomBytes(5).toString('hex')}`;
  let port: number;
  let server: ChildServer;
  let tenant: TestTenant;
  const start = () => startChildServer({ backend: 'postgres', env: { DATABASE_URL: databaseOn(cluster.port, database) }, remove: async () => undefined }, { env: { PORT: String(port) } });

  let release: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    release = await takeBackupCluster();
    await onCluster(cluster.port, `CREATE DATABASE ${database}`);
    port = await freePort();
    server = await start();
    tenant = await createTenant(server);
    await seedLoadMenu(server, tenant);
    await backup('backup', cluster.name, 'incr');
  }, 240_000); // includes waiting for another test's turn on the cluster

  afterAll(async () => {
    await server?.stop();
    await onCluster(cluster.port, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await release?.();
  }, 60_000);

  it('restores to seconds ago: terminals that saw later state start again from it, resend what was unconfirmed, and keep nothing it lacks', async () => {
    const terminals = ['grill', 'fry', 'expo'].map((name) => startTerminal(`drill-${name}-${database}`, server.url, tenant.managerToken));
    const created = new Map<string, number>(); // order id → when the terminal took it
    let running = true;
    const loops = terminals.map(async (t) => {
      for (let i = 0; running; i++) {
        await sleep(150);
        const { rep } = t.client;
        if (!(await rep.query((tx) => tx.has('product/burger')).catch(() => false))) continue;
        const id = `${t.name.split('-')[1]}-${created.size}-${i}`;
        created.set(id, Date.now());
        await rep.mutate.createOrder({ id, channel: 'takeaway', customer: { name: 'Drill' }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() } as never).catch(() => created.delete(id));
      }
    });
    await sleep(3000);
    const { target, targetMs } = await restoreTarget();
    await sleep(3000); // written after the target, seen by every terminal: the future the restore undoes

    const drillStart = Date.now();
    await server.stop();
    const before = await storedOrders(database);
    await backup('restore', cluster.name, target, database);
    server = await start();
    const serverBack = Date.now();
    await waitUntil(() => terminals.every((t) => t.resets > 0), 30_000, 'every terminal reset');
    running = false;
    await Promise.all(loops);
    const stored = await (async () => {
      await waitUntil(async () => (await Promise.all(terminals.map((t) => t.client.rep.experimentalPendingMutations()))).every((p) => p.length === 0), 30_000, 'queues drained');
      return storedOrders(database);
    })();
    const rtoMs = Date.now() - drillStart;

    const beforeTarget = [...before].filter(([, at]) => at <= targetMs).map(([id]) => id);
    const afterTarget = [...before].filter(([, at]) => at > targetMs).map(([id]) => id);
    const lost = afterTarget.filter((id) => !stored.has(id));
    const neverSaved = [...created.keys()].filter((id) => !before.has(id));
    expect(beforeTarget.filter((id) => !stored.has(id)), 'written before the target and lost').toEqual([]);
    expect(neverSaved.filter((id) => !stored.has(id)), 'unconfirmed at the restore and not sent again').toEqual([]);
    const repeated = await onCluster(cluster.port, "SELECT data->>'orderId' FROM events WHERE type = 'order.created' GROUP BY 1 HAVING count(*) > 1", [], database);
    expect(repeated, 'orders created twice').toEqual([]);
    for (const t of terminals) {
      await t.client.rep.pull({ now: true });
      await waitUntil(async () => (await replicaOrders(t)).length === stored.size, 10_000, `${t.name} equal to the server`);
      expect(new Set(await replicaOrders(t))).toEqual(new Set(stored.keys()));
    }
    await Promise.all(terminals.map((t) => t.close()));
    const lostSpanS = lost.length ? (Math.max(...lost.map((id) => before.get(id) ?? 0)) - targetMs) / 1000 : 0;
    process.stdout.write(
      `restore drill: target ${target}; RPO: ${lost.length} of ${afterTarget.length} orders saved after the target lost (${lostSpanS.toFixed(1)} s of writes; ` +
        `${afterTarget.length - lost.length} resent by terminals), ${beforeTarget.length} before it kept; ${neverSaved.length} taken during the restore sent once; ` +
        `RTO: ${((serverBack - drillStart) / 1000).toFixed(1)} s to a restored, serving database, ${(rtoMs / 1000).toFixed(1)} s until every terminal had reset and resent ` +
        `(resets: ${terminals.map((t) => t.resets).join(', ')})\n`,
    );
  }, 180_000);
});
