import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/src/db/migrate.ts';
import { previousCommit } from '../support/previous-release.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Statements that break a release still running on the database (README "Versions": expand/contract). */
const destructive = [/\bDROP\s+(TABLE|COLUMN|VIEW|FUNCTION|TYPE)\b/i, /\bRENAME\b/i, /\bALTER\s+COLUMN\s+\S+\s+(TYPE|SET\s+NOT\s+NULL)\b/i, /\bADD\s+COLUMN\b[^;]*\bNOT\s+NULL\b(?![^;]*\bDEFAULT\b)/i];
/** A contract step names what the previous release no longer uses: `-- contract: <why it is safe>`. */
const contractNote = /^--\s*contract:\s*\S/m;

/** Why a migration would break the previous release, or undefined when it only expands. */
export function breaksPreviousRelease(sql: string): string | undefined {
  if (contractNote.test(sql)) return undefined;
  const code = sql.replace(/--.*$/gm, '');
  return destructive.map((re) => re.exec(code)?.[0]).find(Boolean);
}

describe('migrations are expand/contract', () => {
  it('a destructive step is told from an expanding one', () => {
    expect(breaksPreviousRelease('ALTER TABLE orders ADD COLUMN note text;')).toBeUndefined();
    expect(breaksPreviousRelease("ALTER TABLE orders ADD COLUMN rush boolean NOT NULL DEFAULT false;")).toBeUndefined();
    expect(breaksPreviousRelease('CREATE INDEX IF NOT EXISTS x ON orders (id);')).toBeUndefined();
    expect(breaksPreviousRelease('ALTER TABLE orders DROP COLUMN note;')).toBe('DROP COLUMN');
    expect(breaksPreviousRelease('DROP TABLE head_reports;')).toBe('DROP TABLE');
    expect(breaksPreviousRelease('ALTER TABLE orders RENAME COLUMN a TO b;')).toBe('RENAME');
    expect(breaksPreviousRelease('ALTER TABLE orders ALTER COLUMN number TYPE int;')).toMatch(/ALTER COLUMN/);
    expect(breaksPreviousRelease('ALTER TABLE orders ADD COLUMN n int NOT NULL;')).toMatch(/ADD COLUMN/);
    expect(breaksPreviousRelease('-- contract: release 0.2 stopped reading it\nDROP TABLE head_reports;')).toBeUndefined();
  });

  it('no migration added since the previous release breaks it, unless it says why that is safe', () => {
    const before = new Set(
      execFileSync('git', ['ls-tree', '--name-only', previousCommit, 'server/src/db/migrations/'], { cwd: repoRoot, encoding: 'utf8' })
        .split('\n')
        .map((p) => p.split('/').pop()),
    );
    expect(before.size).toBeGreaterThan(5);
    const added = loadMigrations().filter((m) => !before.has(m.name));
    expect(added.map((m) => [m.name, breaksPreviousRelease(m.sql)]).filter(([, why]) => why)).toEqual([]);
  });
});
