import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Serialises concurrent migrators (several servers starting on one Postgres). */
const migrationLock = 72_114_001;

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ id: Number.parseInt(name, 10), name, sql: readFileSync(dir + name, 'utf8') }));
}

/** Applies the numbered migrations not yet recorded; safe to run twice and from several processes. */
export async function migrate(db: Database, migrations = loadMigrations()): Promise<string[]> {
  return db.transaction(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
    await q.query(
      'CREATE TABLE IF NOT EXISTS migrations (id int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await q.query<{ id: number }>('SELECT id FROM migrations')).rows.map((r) => r.id));
    const applied: string[] = [];
    for (const m of migrations.filter((m) => !done.has(m.id))) {
      await q.exec(m.sql);
      await q.query('INSERT INTO migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      applied.push(m.name);
    }
    return applied;
  });
}
