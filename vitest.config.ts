import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for something the system does eventually (a pull after a push, a
    // repaint); its 1 s default is shorter than one sync round on a loaded two-core CI box.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: e2e files each boot servers and browsers, so keep the pool small.
    maxWorkers: 2,
    // A worker keeps its loaded modules from one file to the next: importing the server, shared
    // and their dependencies again for each of 227 files was 160 s of CPU a run (the suite: 1,064
    // → 813 s). Safe because nothing here keeps state in a module: every server, engine and
    // database is built per test, and the two suites with fake timers restore the real ones.
    isolate: false,
    // Builds the migrated PGlite directory that test servers start on copies of (see the file).
    globalSetup: ['test/support/pglite-template.ts'],
  },
});
