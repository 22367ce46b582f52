import type { Database } from '../db/database.ts';
import { tenantLockSql } from '../db/tenant-lock.ts';

export interface GcPolicy {
  /** Client groups unseen this long are purged (their next pull gets ClientStateNotFound). */
  groupIdleDays: number;
  /** Unacknowledged rejections older than this expire. */
  rejectionDays: number;
  /** Print jobs printed this long ago leave the replicas (and the agents' ledgers): a service's paper is long gone. */
  printedJobDays: number;
}

export const defaultGcPolicy: GcPolicy = { groupIdleDays: 30, rejectionDays: 7, printedJobDays: 3 };

/**
 * How long deletions are remembered for pulls. A client view record older than this cannot learn
 * them, so a pull treats it as unknown (a full resync); no client group lives that long idle.
 */
export const tombstoneDays = defaultGcPolicy.groupIdleDays;

/**
 * Deletes idle client groups (with their clients, CVRs and rejections), stale rejections, print
 * jobs printed days ago and old tombstones; on PGlite it then vacuums (see `vacuumEmbedded`).
 */
export async function collectGarbage(db: Database, policy: GcPolicy = defaultGcPolicy) {
  const collected = await deleteExpired(db, policy);
  if (db.kind === 'pglite') await vacuumEmbedded(db);
  return collected;
}

/**
 * PGlite is a single-user Postgres: no autovacuum runs. Every write leaves dead row versions (each
 * pull replaces its group's CVR, each write moves the tenant's head), so without this an embedded
 * server or a restaurant hub would grow and slow down for as long as it runs. One table at a time,
 * so the embedded database (which answers nothing else meanwhile) is never held for long.
 */
async function vacuumEmbedded(db: Database): Promise<void> {
  const { rows } = await db.query<{ name: string }>(
    "SELECT quote_ident(relname) AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY relname",
  );
  for (const { name } of rows) {
    await db.exec(`VACUUM (ANALYZE) ${name}`);
    await new Promise((resolve) => setImmediate(resolve)); // let requests in between tables
  }
}

async function deleteExpired(db: Database, policy: GcPolicy) {
  const printedBefore = Date.now() - policy.printedJobDays * 86_400_000;
  return db.transaction(async (q) => {
    // Like every writer of a tenant's synced state, it holds the tenants' write locks (in one order,
    // so two collectors cannot deadlock).
    await q.query(
      `SELECT ${tenantLockSql('tenant_id')} FROM (
         SELECT tenant_id FROM replicache_client_groups WHERE last_seen < now() - make_interval(days => $1)
         UNION SELECT tenant_id FROM rejections WHERE created_at < now() - make_interval(days => $2)
         UNION SELECT tenant_id FROM print_jobs WHERE data->>'status' = 'printed' AND (data->>'updatedAt')::double precision < $3
         ORDER BY tenant_id) t`,
      [policy.groupIdleDays, policy.rejectionDays, printedBefore],
    );
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
    // Through the delete trigger each job leaves a tombstone, so pulls drop it from the replicas.
    const jobs = await q.query(`DELETE FROM print_jobs WHERE data->>'status' = 'printed' AND (data->>'updatedAt')::double precision < $1 RETURNING id`, [printedBefore]);
    await q.query('DELETE FROM print_ledger WHERE sent_at < now() - make_interval(days => $1)', [policy.printedJobDays]);
    await q.query('DELETE FROM deleted_rows WHERE deleted_at < now() - make_interval(days => $1)', [tombstoneDays]);
    return { purgedGroups: purged.rows.length, expiredRejections: rejections.rows.length, printedJobsRemoved: jobs.rows.length };
  });
}
