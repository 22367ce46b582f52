import { execFileSync } from 'node:child_process';
import type { mutators } from '@kitchensync/shared';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The commit of the release before this one (README "Versions": `release/previous`). */
export const previousCommit = readFileSync(join(repoRoot, 'release/previous'), 'utf8').trim();

export interface PreviousRelease {
  readonly commit: string;
  /** Its source tree, installed and with the server built (`server/dist/main.js`). */
  readonly dir: string;
}

const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });

/**
 * The previous release built from git history, once per machine: `git archive` of its commit,
 * `pnpm install --offline` (the store already holds its packages unless its lockfile moved), and
 * its server's Vite build — about 5 s on an idle machine. Built aside and renamed into place, so
 * test files that ask at once never see half a tree.
 */
export function previousRelease(): PreviousRelease {
  const dir = join(tmpdir(), `kitchensync-release-${previousCommit.slice(0, 12)}`);
  if (existsSync(join(dir, 'server/dist/main.js'))) return { commit: previousCommit, dir };
  const building = `${dir}.building-${process.pid}-${Date.now()}`;
  mkdirSync(building, { recursive: true });
  try {
    execFileSync('sh', ['-c', `git -C "${repoRoot}" archive ${previousCommit} | tar -x -C "${building}"`], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      run('pnpm', ['install', '--frozen-lockfile', '--offline'], building);
    } catch {
      run('pnpm', ['install', '--frozen-lockfile'], building);
    }
    run('pnpm', ['--filter', '@kitchensync/server', 'build'], building);
    if (!existsSync(dir)) renameSync(building, dir);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return { commit: previousCommit, dir };
}

/**
 * The previous release's shared package, loaded from its tree: an old terminal runs these
 * mutators and sends this schemaVersion. Its mutator names are a subset of ours (append-only),
 * hence the cast.
 */
export async function previousShared(release: PreviousRelease): Promise<{ mutators: typeof mutators; schemaVersion: string }> {
  const old = (await import(join(release.dir, 'shared/src/index.ts'))) as { mutators: typeof mutators; clientSchemaVersion: number };
  return { mutators: old.mutators, schemaVersion: String(old.clientSchemaVersion) };
}
