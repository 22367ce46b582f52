import { loadEnv } from '../../server/src/env.ts';
import { createLogger } from '../../server/src/logger.ts';
import { startKitchensync, type Running } from '../../server/src/runtime.ts';
import { pgliteDirectory } from './pglite-template.ts';
import { freshPostgresDatabase } from './postgres.ts';
import type { Backend, DurableStorage } from './storage.ts';

export type { Backend };
/** Every sync and API suite runs against both storage backends. */
export const backends: readonly Backend[] = ['pglite', 'postgres'];

export interface TestServer {
  readonly url: string;
  readonly adminToken: string;
  readonly running: Running;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

export interface StartOptions {
  backend?: Backend;
  /** Reuse a database (e.g. to restart on the same data); the caller then owns it. */
  databaseUrl?: string;
  /** Start on durable storage (a Postgres database or a PGlite directory); the caller owns it. */
  storage?: DurableStorage;
  env?: Record<string, string>;
}

/** A real kitchensync server in this process, on a free loopback port. */
export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const backend = options.storage?.backend ?? options.backend ?? 'pglite';
  const own = !options.databaseUrl && !options.storage;
  const fresh = own && backend === 'postgres' ? await freshPostgresDatabase() : undefined;
  // An embedded server starts on a copy of a migrated PGlite directory, not a new in-memory one.
  const embedded = own && backend === 'pglite' ? pgliteDirectory() : undefined;
  const database = options.storage?.env ?? (embedded ? { DATA_DIR: embedded.dir } : { DATABASE_URL: options.databaseUrl ?? fresh?.url });
  const env = loadEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    ...database,
    ADMIN_TOKEN: `ks_admin_test_${Math.random().toString(36).slice(2)}${Date.now()}`,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'error',
    RATE_LIMIT_RPS: '0',
    ...options.env,
  });
  const running = await startKitchensync(env, createLogger(env));
  return {
    url: running.url,
    adminToken: running.adminToken,
    running,
    async stop() {
      await running.close();
      await fresh?.drop();
      embedded?.remove();
    },
  };
}

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** One JSON request with an optional bearer token. */
export async function api<T = any>(
  server: { url: string },
  token: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const res = await fetch(server.url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export interface TestTenant {
  tenantId: string;
  managerToken: string;
  kitchenToken: string;
  managerTokenId: string;
  kitchenTokenId: string;
}

/** A tenant with a manager and a kitchen token, made through the admin API. */
export async function createTenant(server: { url: string; adminToken: string }, name = 'Test Bistro'): Promise<TestTenant> {
  const tenant = await api<{ id: string }>(server, server.adminToken, 'POST', '/api/admin/tenants', { name });
  if (tenant.status !== 201) throw new Error(`tenant: ${tenant.status} ${JSON.stringify(tenant.body)}`);
  const issue = async (role: 'manager' | 'kitchen') => {
    const r = await api<{ id: string; token: string }>(server, server.adminToken, 'POST', `/api/admin/tenants/${tenant.body.id}/tokens`, {
      role,
      label: role,
    });
    if (r.status !== 201) throw new Error(`token: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const manager = await issue('manager');
  const kitchen = await issue('kitchen');
  return {
    tenantId: tenant.body.id,
    managerToken: manager.token,
    kitchenToken: kitchen.token,
    managerTokenId: manager.id,
    kitchenTokenId: kitchen.id,
  };
}
