import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { migratedMemoryDatabase } from '../db/memory-database.ts';
import { collectGarbage } from './gc.ts';
import { processPull } from './pull.ts';
import { SyncEngine } from './sync-engine.ts';

const manager = { tokenId: 'tok-m', role: 'manager' as const, tenantId: 't1' };

describe('garbage collection on PGlite, which runs no autovacuum', () => {
  let db: Database;
  beforeEach(async () => {
    db = await migratedMemoryDatabase({ id: 't1', name: 'gc test' });
  });
  afterEach(async () => db.close());

  /** Tables of ours that VACUUM / ANALYZE never reached (pg_stat_user_tables reports both at once). */
  const untended = async () =>
    (await db.query<{ relname: string }>(
      "SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'public' AND (last_vacuum IS NULL OR last_analyze IS NULL) ORDER BY relname",
    )).rows.map((r) => r.relname);

  it('vacuums and analyzes every table, as autovacuum would on Postgres', async () => {
    const engine = new SyncEngine(db);
    let cookie = null;
    for (let i = 0; i < 30; i++) {
      await db.query(`INSERT INTO products (tenant_id, id, data) VALUES ('t1', $1, '{}')`, [`p${i}`]);
      const res = await processPull(engine, manager, { pullVersion: 1, clientGroupID: 'g1', schemaVersion: '1', cookie });
      if ('error' in res) throw new Error(res.error);
      cookie = res.cookie; // each changed pull replaced the group's CVR: dead rows for VACUUM
    }
    expect(await untended()).toContain('client_view_records');

    await collectGarbage(db);

    expect(await untended()).toEqual([]);
    const analyzed = await db.query<{ reltuples: number }>("SELECT reltuples FROM pg_class WHERE relname = 'client_view_records'");
    expect(analyzed.rows[0]?.reltuples).toBe(8); // the group keeps its 8 newest CVRs
  });

  it('removes print jobs printed days ago, leaving a tombstone for the replicas, and keeps the rest', async () => {
    const day = 86_400_000;
    const job = (id: string, status: string, updatedAt: number) =>
      db.query(`INSERT INTO print_jobs (tenant_id, id, data) VALUES ('t1', $1, $2)`, [id, JSON.stringify({ id, status, updatedAt })]);
    await job('old-printed', 'printed', Date.now() - 4 * day);
    await job('new-printed', 'printed', Date.now() - day);
    await job('old-failed', 'failed', Date.now() - 4 * day);
    await db.query(`INSERT INTO print_ledger (tenant_id, job_id, sent_at) VALUES ('t1', 'old-printed', now() - interval '4 days'), ('t1', 'new-printed', now())`);

    expect(await collectGarbage(db)).toMatchObject({ printedJobsRemoved: 1 });

    expect((await db.query<{ id: string }>('SELECT id FROM print_jobs ORDER BY id')).rows.map((r) => r.id)).toEqual(['new-printed', 'old-failed']);
    expect((await db.query<{ job_id: string }>('SELECT job_id FROM print_ledger')).rows.map((r) => r.job_id)).toEqual(['new-printed']);
    expect((await db.query<{ key: string }>(`SELECT key FROM deleted_rows WHERE key LIKE 'printJob/%'`)).rows.map((r) => r.key)).toEqual(['printJob/old-printed']);
  });
});
