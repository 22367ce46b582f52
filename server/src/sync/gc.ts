import type { Database } from '../db/database.ts';

export interface GcPolicy {
  /** Client groups unseen this long are purged (their next pull gets ClientStateNotFound). */
  groupIdleDays: number;
  /** Unacknowledged rejections older than this expire. */
  rejectionDays: number;
}

export const defaultGcPolicy: GcPolicy = { groupIdleDays: 30, rejectionDays: 7 };

/** Deletes idle client groups (with their clients, CVRs and rejections) and stale rejections. */
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
    return { purgedGroups: purged.rows.length, expiredRejections: rejections.rows.length };
  });
}
