import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { openPostgres } from '../../server/src/db/postgres.ts';
import { freshPostgresDatabase } from '../support/postgres.ts';

const insert = 'INSERT INTO notes (id, body) VALUES ($1, $2)';

/**
 * A transaction's last statement goes with COMMIT in one round trip once its connection has parsed
 * it (`QueryOptions.last`): what a push's write statement does on Postgres. One pooled connection,
 * so every transaction here runs on the same one.
 */
describe('the last statement and COMMIT in one round trip (postgres)', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let db: Database;
  let admin: pg.Client;
  const write = (id: number, body: string) => db.transaction((q) => q.query(insert, [id, body], { prepare: true, last: true }));
  const ids = async () => (await db.query<{ id: number }>('SELECT id FROM notes ORDER BY id')).rows.map((r) => r.id);
  /** What the pooled connection sent last, as Postgres saw it. */
  const lastSent = async () =>
    (await admin.query<{ query: string }>("SELECT query FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'")).rows.map((r) => r.query);

  beforeAll(async () => {
    database = await freshPostgresDatabase();
    // Literals must read back exactly even where backslashes are escapes in plain strings.
    const setup = new pg.Client({ connectionString: database.url });
    await setup.connect();
    await setup.query(`ALTER DATABASE "${new URL(database.url).pathname.slice(1)}" SET standard_conforming_strings = off`);
    await setup.end();
    db = await openPostgres(database.url, 1);
    await db.exec("CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL CHECK (body <> 'refused'))");
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await db.close();
    await database.drop();
  });

  it('sends it alone the first time, then as EXECUTE with literals and COMMIT, and it commits', async () => {
    await write(1, 'first');
    expect(await lastSent()).toEqual(['COMMIT']);
    await write(2, "it's; COMMIT; DROP TABLE notes; --");
    expect(await lastSent()).toEqual([expect.stringMatching(/^EXECUTE ks_[0-9a-f]{32}\('2', 'it''s; COMMIT; DROP TABLE notes; --'\); COMMIT$/)]);
    expect(await ids()).toEqual([1, 2]);
    expect((await db.query('SELECT body FROM notes WHERE id = 2')).rows).toEqual([{ body: "it's; COMMIT; DROP TABLE notes; --" }]);
    const backslashes = "\\'); DROP TABLE notes; -- \\\\ \\n";
    await write(8, backslashes);
    expect(await lastSent()).toEqual([expect.stringMatching(/^EXECUTE ks_[0-9a-f]{32}\('8', E'/)]);
    expect((await db.query('SELECT body FROM notes WHERE id = 8')).rows).toEqual([{ body: backslashes }]);
  });

  it('a refused last statement commits nothing of its transaction, and the connection goes on', async () => {
    const refused = db.transaction(async (q) => {
      await q.query(insert, [3, 'written before'], { prepare: true });
      await q.query(insert, [4, 'refused'], { prepare: true, last: true });
    });
    await expect(refused).rejects.toThrow(/notes_body_check/);
    expect(await ids()).toEqual([1, 2, 8]);
    await write(5, 'after');
    expect(await ids()).toEqual([1, 2, 5, 8]);
  });

  it('a value SQL text cannot carry (NUL) goes as a bind parameter, COMMIT after it', async () => {
    const nul = write(6, 'a\u0000b');
    await expect(nul).rejects.toThrow(/0x00/);
    expect(await ids()).toEqual([1, 2, 5, 8]);
    await write(7, 'fine');
    expect(await ids()).toEqual([1, 2, 5, 7, 8]);
  });
});
