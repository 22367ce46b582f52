import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { comparableHubState, stateDiff, tenantState } from '../../hub/hub-state.ts';
import { issueHubToken } from '../../hub/hub-support.ts';
import { createTenant, startServer, type TestServer } from '../../support/server.ts';
import { durableStorage } from '../../support/storage.ts';
import { waitUntil } from '../../support/wait.ts';
import { databaseOn, onCluster } from './cluster-sql.ts';
import { seedLoadMenu } from './mixed-load.ts';

/** The cluster scripts/backup.sh archives and restores (ks_backup on 5435). */
export const backupCluster = { name: 'ks_backup', port: 5435 };

const backupScript = fileURLToPath(new URL('../../../scripts/backup.sh', import.meta.url));
/** Runs scripts/backup.sh. Not execFileSync: the servers and terminals run in this process and keep running through it. */
export const backup = (...args: string[]) => promisify(execFile)('bash', [backupScript, ...args], { encoding: 'utf8' });

/**
 * A restore rewinds the whole cluster, every database on it: one test at a time holds it (vitest
 * runs two files at once). The turn is an advisory lock on the main cluster, held by a connection
 * of its own until the returned release is called.
 */
export async function takeBackupCluster(): Promise<() => Promise<void>> {
  const holder = new pg.Client({ connectionString: databaseOn(5432, 'postgres') });
  await holder.connect();
  await holder.query("SELECT pg_advisory_lock(hashtext('kitchensync tests: ks_backup'))");
  return () => holder.end();
}

/** The cluster's clock now, as the restore target backup.sh takes and in epoch ms. */
export async function restoreTarget(): Promise<{ target: string; targetMs: number }> {
  const [{ target }] = (await onCluster<{ target: string }>(backupCluster.port, 'SELECT now()::text AS target')) as [{ target: string }];
  return { target, targetMs: Date.parse(target.replace(' ', 'T').replace(/\+00$/, 'Z')) };
}

/**
 * Orders the cloud created, with when they were committed and how many times. Commit time, not
 * the row's time: a restore to T keeps exactly what committed by T, and a write that began just
 * before T may commit just after (backup.sh turns track_commit_timestamp on).
 */
export const cloudOrders = async (database: string) =>
  (
    await onCluster<{ id: string; at: Date; times: number }>(
      backupCluster.port,
      "SELECT data->>'orderId' AS id, min(pg_xact_commit_timestamp(xmin)) AS at, count(*)::int AS times FROM events WHERE type = 'order.created' GROUP BY 1",
      [],
      database,
    )
  ).map((r) => ({ id: r.id, at: r.at.getTime(), times: r.times }));

/**
 * A cloud on a new database of the backup cluster with a tenant, its hub token and the load menu,
 * backed up (incremental) so it can be restored to any moment after, and its hub on PGlite. Holds
 * the backup cluster from the start until stop().
 */
export async function startDrillWorld(database: string, name: string) {
  const release = await takeBackupCluster();
  try {
    return await buildDrillWorld(database, name, release);
  } catch (error) {
    await release();
    throw error;
  }
}

async function buildDrillWorld(database: string, name: string, release: () => Promise<void>) {
  await onCluster(backupCluster.port, `CREATE DATABASE ${database}`);
  const cloud = await startServer({ databaseUrl: databaseOn(backupCluster.port, database) });
  const made = await createTenant(cloud, name);
  const tenant = { ...made, hubToken: (await issueHubToken(cloud, made.tenantId)).token };
  await seedLoadMenu(cloud, tenant);
  const backupStart = Date.now();
  await backup('backup', backupCluster.name, 'incr');
  const backupMs = Date.now() - backupStart;
  const storage = await durableStorage('pglite');
  const hub = await startServer({ storage, env: { HUB_UPSTREAM: cloud.url, HUB_TOKEN: tenant.hubToken, HUB_PULL_INTERVAL_MS: '1000' } });
  return {
    cloud,
    hub,
    tenant,
    backupMs,
    async stop() {
      try {
        await hub.stop();
        await storage.remove();
        await cloud.stop();
        await onCluster(backupCluster.port, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await release();
      }
    },
  };
}

/** Waits (up to 20 s) for the hub's whole state to equal the cloud's, row for row: answers where they still differ. */
export async function hubCloudDiff(hub: TestServer, cloud: TestServer, hubToken: string): Promise<string[]> {
  let diff: string[] = [];
  await waitUntil(async () => {
    const cloudState = await tenantState(cloud, hubToken);
    diff = stateDiff(comparableHubState(await tenantState(hub, hubToken), cloudState), cloudState);
    return diff.length === 0;
  }, 20_000, 'the hub equal to the cloud').catch(() => undefined);
  return diff;
}
