import { afterAll, afterEach } from 'vitest';
import { api, createTenant, startServer, type Backend, type TestServer, type TestTenant } from '../../support/server.ts';
import { ok, seedMenu } from './rest.ts';

/**
 * One server per suite (started by the first `boot`, stopped after the suite) and a fresh tenant
 * with the shared menu per test: tenants see nothing of each other, so the tests stay independent
 * without paying a server's start (and on Postgres a new database) each.
 * `m` and `k` call as the tenant's manager and kitchen and expect `status`; `cleanups` run after each test.
 */
export function menuTenantPerTest(backend: Backend) {
  let server: TestServer | undefined;
  let tenant: TestTenant | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    tenant = undefined;
  });
  afterAll(async () => {
    await server?.stop();
    server = undefined;
  });
  const s = () => server as TestServer;
  const t = () => tenant as TestTenant;
  return {
    cleanups,
    s,
    t,
    async boot() {
      server ??= await startServer({ backend });
      tenant = await createTenant(server);
      await seedMenu(server, tenant.managerToken);
      return server;
    },
    m: (method: string, path: string, body?: unknown, status = 200) => ok(s(), t().managerToken, method, path, body, status),
    k: (method: string, path: string, body?: unknown, status = 200) => ok(s(), t().kitchenToken, method, path, body, status),
    /** The raw answer, for refusals. */
    as: (role: 'manager' | 'kitchen', method: string, path: string, body?: unknown) =>
      api(s(), role === 'manager' ? t().managerToken : t().kitchenToken, method, path, body),
  };
}
