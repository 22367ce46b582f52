import type { Queryable } from '../db/database.ts';

/**
 * The database's epoch: a new one starts each time a backup is restored (`scripts/backup.sh
 * restore`), and every cookie a pull gives out names the epoch it was given in. Read when the
 * server starts, and again whenever the database comes back (`restore-watch.ts`).
 */
export async function currentEpoch(q: Queryable): Promise<string> {
  const { rows } = await q.query<{ epoch: string }>('SELECT epoch FROM sync_epochs ORDER BY seq DESC LIMIT 1');
  return rows[0]?.epoch ?? '';
}

/**
 * Whether `epoch` ended with a restore: a cookie of that epoch whose view record the database does
 * not have may come from after the restore point, when the client saw writes and last mutation ids
 * the database lost. One statement, asked only of a cookie whose view record was not found.
 */
export async function isSupersededEpoch(q: Queryable, epoch: string): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM sync_epochs e WHERE e.epoch = $1 AND e.seq < (SELECT max(seq) FROM sync_epochs)',
    [epoch],
  );
  return rows.length > 0;
}
