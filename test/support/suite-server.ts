import { afterAll, afterEach, beforeAll } from 'vitest';
import { startServer, type StartOptions, type TestServer } from './server.ts';

/**
 * One server for a describe block, started before its tests and stopped after them, and whatever a
 * test opens (`defer`) closed after that test, newest first.
 */
export function suiteServer(options: StartOptions) {
  let server: TestServer | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  afterAll(async () => server?.stop());
  return {
    get server(): TestServer {
      if (!server) throw new Error('the suite server is not started yet');
      return server;
    },
    defer: (...closers: (() => Promise<void>)[]) => void cleanups.push(...closers),
  };
}
