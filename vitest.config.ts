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
    // Builds the migrated PGlite directory that test servers start on copies of (see the file).
    globalSetup: ['test/support/pglite-template.ts'],
  },
});
