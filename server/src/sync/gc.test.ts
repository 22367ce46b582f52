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
});
