import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { onCluster } from './cluster-sql.ts';

/** The cluster scripts/backup.sh archives and restores (ks_backup on 5435). */
export const backupCluster = { name: 'ks_backup', port: 5435 };

const backupScript = fileURLToPath(new URL('../../../scripts/backup.sh', import.meta.url));
/** Runs scripts/backup.sh. Not execFileSync: the servers and terminals run in this process and keep running through it. */
export const backup = (...args: string[]) => promisify(execFile)('bash', [backupScript, ...args], { encoding: 'utf8' });

/** The cluster's clock now, as the restore target backup.sh takes and in epoch ms. */
export async function restoreTarget(): Promise<{ target: string; targetMs: number }> {
  const [{ target }] = (await onCluster<{ target: string }>(backupCluster.port, 'SELECT now()::text AS target')) as [{ target: string }];
  return { target, targetMs: Date.parse(target.replace(' ', 'T').replace(/\+00$/, 'Z')) };
}

/** Orders the cloud created, with when (database time), and how many times. */
export const cloudOrders = async (database: string) =>
  (
    await onCluster<{ id: string; at: Date; times: number }>(
      backupCluster.port,
      "SELECT data->>'orderId' AS id, min(at) AS at, count(*)::int AS times FROM events WHERE type = 'order.created' GROUP BY 1",
      [],
      database,
    )
  ).map((r) => ({ id: r.id, at: r.at.getTime(), times: r.times }));
