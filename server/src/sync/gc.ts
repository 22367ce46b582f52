import type { Database } from '../db/database.ts';

export interface GcPolicy {
  /** Client groups unseen this long are purged (their next pull gets ClientStateNotFound). */
  groupIdleDays: number;
  /** Unacknowledged rejections older than this expire. */
  rejectionDays: number;
}

export const defaultGcPolicy: GcPolicy = { groupIdleDays: 30, rejectionDays: 7 };

/**
 * How long deletions are remembered for pulls. A client view record older than this cannot learn
 * them, so a pull treats it as unknown (a full resync); no client group lives that long idle.
 */
export const tombstoneDays = defaultGcPolicy.groupIdleDays;

/** Deletes idle client groups (with their clients, CVRs and rejections), stale rejections and old tombstones. */
export async function collectGarbage(db: Database, policy: GcPolicy = defaultGcPolicy) {
  return db.transaction(async (q) => {
    const purged = await q.query<{ id: string }>(
      `WITH gone AS (
         DELETE FROM replicache_client_groups WHERE last_seen < now() - make_interval(days => $1) RETURNING id)
       INSERT INTO replicache_purged_groups (id) SELECT id FROM gone ON CONFLICT DO NOTHING RETURNING id`,
      [policy.groupIdleDays],
    );
    const rejections = await q.query(
      'DELETE FROM rejections WHERE created_at < now() - make_interval(days => $1) RETURNING key',
      [policy.rejectionDays],
    );
    await q.query('DELETE FROM deleted_rows WHERE deleted_at < now() - make_interval(days => $1)', [tombstoneDays]);
    return { purgedGroups: purged.rows.length, expiredRejections: rejections.rows.length };
  });
}
