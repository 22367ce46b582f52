import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../server/src/db/migrate.ts';
import { openPglite } from '../../server/src/db/pglite.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory, made once per run; servers start on copies of it. */
    pgliteTemplate: string;
  }
}

/**
 * vitest's global setup: builds the migrated PGlite directory once. A new PGlite runs initdb as
 * WebAssembly (7–14 s on a loaded two-core box, most of an in-memory server's start); opening a
 * copy of an initialised directory takes about a second.
 */
export async function setup(project: TestProject): Promise<() => void> {
  const run = mkdtempSync(join(tmpdir(), 'ks-pglite-'));
  const template = join(run, 'template');
  const db = await openPglite(template);
  await migrate(db);
  await db.close();
  project.provide('pgliteTemplate', template);
  return () => rmSync(run, { recursive: true, force: true });
}

/** A fresh PGlite directory, initialised and migrated: a copy of the run's template. */
export function pgliteDirectory(): { dir: string; remove(): void } {
  const template = inject('pgliteTemplate');
  const dir = mkdtempSync(join(tmpdir(), 'ks-pglite-server-'));
  cpSync(template, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
