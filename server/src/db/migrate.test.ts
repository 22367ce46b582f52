import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { loadMigrations, migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';

let db: Database | undefined;
afterEach(async () => db?.close());

describe('migrations', () => {
  it('are numbered SQL files applied once, and running them again changes nothing', async () => {
    db = await openPglite('memory://');
    const all = loadMigrations().map((m) => m.name);
    expect(all[0]).toBe('001_init.sql');
    expect(await migrate(db)).toEqual(all);
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(all);
  });
});
