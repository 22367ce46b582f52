import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer, TestTenant } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { backup, backupCluster as cluster, cloudOrders, hubCloudDiff, restoreTarget, startDrillWorld } from './support/cloud-drill.ts';
import { replicaOrders, startTerminal } from './support/terminal.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A restaurant hub across a point-in-time restore of its cloud (issue 23), on the cluster that
 * scripts/backup.sh archives (ks_backup on 5435): the hub's terminals take orders while the cloud's
 * database is restored to seconds before, the cloud server staying up as the runbook allows. The
 * hub must send again, once, what it had forwarded and the restore lost, and end equal to the cloud.
 */
describe('a hub whose cloud is restored to an earlier moment', () => {
  const database = `ks_hubdrill_${randomBytes(5).toString('hex')}`;
  let world: Awaited<ReturnType<typeof startDrillWorld>>;
  let cloud: TestServer;
  let hub: TestServer;
  let tenant: TestTenant & { hubToken: string };

  beforeAll(async () => {
    const setupStart = Date.now();
    world = await startDrillWorld(database, 'Restore Bistro');
    ({ cloud, hub, tenant } = world);
    process.stdout.write(`hub across a cloud restore: set-up ${((Date.now() - setupStart) / 1000).toFixed(1)} s (incremental backup ${(world.backupMs / 1000).toFixed(1)} s)\n`);
  }, 240_000); // includes waiting for another test's turn on the backup cluster
  afterAll(async () => world?.stop(), 60_000);

  it('sends again once what the restore lost, drops what the cloud no longer has, and ends equal to it', async () => {
    const terminals = ['till', 'pass'].map((name) => startTerminal(`hubdrill-${name}-${database}`, hub.url, tenant.managerToken));
    const created = new Set<string>();
    let running = true;
    const loops = terminals.map(async (t, n) => {
      for (let i = 0; running; i++) {
        await sleep(150);
        const { rep } = t.client;
        if (!(await rep.query((tx) => tx.has('product/burger')).catch(() => false))) continue;
        const id = `${t.name.split('-')[1]}-${n}-${i}`;
        created.add(id);
        await rep.mutate.createOrder({ id, channel: 'takeaway', customer: { name: 'Drill' }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() } as never).catch(() => created.delete(id));
      }
    });
    await sleep(2000);
    const { target, targetMs } = await restoreTarget();
    await sleep(2000); // forwarded through the hub and confirmed after the target: what the restore loses

    const before = await cloudOrders(database);
    const restoreStart = Date.now();
    await backup('restore', cluster.name, target, database);
    const restored = Date.now();
    // Written after the target: the restore undid them all, and the hub had forwarded every one.
    const lostByRestore = before.filter((o) => o.at > targetMs).map((o) => o.id);
    await waitUntil(async () => {
      const now = new Set((await cloudOrders(database)).map((o) => o.id));
      return lostByRestore.every((id) => now.has(id));
    }, 20_000, 'the lost orders sent again');
    const resentMs = Date.now() - restored;
    running = false;
    await Promise.all(loops);
    await waitUntil(async () => (await Promise.all(terminals.map((t) => t.client.rep.experimentalPendingMutations()))).every((p) => p.length === 0), 20_000, 'terminal queues drained');

    // The hub's whole state equals the cloud's, row for row.
    const diff = await hubCloudDiff(hub, cloud, tenant.hubToken);
    const convergedMs = Date.now() - restored;
    expect(diff, 'the hub differs from the cloud').toEqual([]);

    // Every order the terminals took is in the cloud, once, including those the restore had lost.
    const stored = await cloudOrders(database);
    expect(stored.filter((o) => o.times > 1), 'orders created twice').toEqual([]);
    const storedIds = new Set(stored.map((o) => o.id));
    expect([...created].filter((id) => !storedIds.has(id)), 'orders the terminals took that the cloud lacks').toEqual([]);
    expect(lostByRestore.filter((id) => !storedIds.has(id)), 'lost by the restore and not sent again').toEqual([]);
    // Applied again after the restore (a new creation time), not kept by it.
    const reapplied = stored.filter((o) => lostByRestore.includes(o.id) && o.at >= restoreStart).length;
    expect(reapplied).toBe(lostByRestore.length);
    for (const t of terminals) {
      await t.client.rep.pull({ now: true });
      await waitUntil(async () => (await replicaOrders(t)).length === storedIds.size, 10_000, `${t.name} equal to the cloud`);
      expect(new Set(await replicaOrders(t))).toEqual(storedIds);
    }
    await Promise.all(terminals.map((t) => t.close()));
    expect(lostByRestore.length, 'the restore undid some forwarded orders (else the test proves nothing)').toBeGreaterThan(0);
    expect(terminals.map((t) => t.resets), 'terminals started again (the hub resent all they saw)').toEqual([0, 0]);
    process.stdout.write(
      `hub across a cloud restore: target ${target}; ${before.length} orders at the cloud before, ${lostByRestore.length} after the target, lost by the restore and resent by the hub ` +
        `(each once); ${created.size} taken in all, every one in the cloud once; restore ${((restored - restoreStart) / 1000).toFixed(1)} s; ` +
        `lost orders back at the cloud ${(resentMs / 1000).toFixed(1)} s after it, hub equal to the cloud (terminals stopped) ${(convergedMs / 1000).toFixed(1)} s after it; terminal resets: ${terminals.map((t) => t.resets).join(', ')}\n`,
    );
  }, 180_000);
});
