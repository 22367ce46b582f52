import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export type Backend = 'pglite' | 'postgres';
const root = fileURLToPath(new URL('../../', import.meta.url));
const adminPostgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://kitchensync:kitchensync@127.0.0.1:5432/postgres';

export interface ServerProcess {
  url: string;
  adminToken: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** A fresh database on the local Postgres, dropped by `drop`. */
export async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `ks_bench_${randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminPostgresUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminPostgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The real server in its own process (the load generator is this process), on a free port. */
export async function startServerProcess(backend: Backend, env: Record<string, string> = {}): Promise<ServerProcess> {
  const adminToken = `ks_admin_bench_${randomBytes(12).toString('hex')}`;
  // A DATABASE_URL in `env` puts several processes on one database, which the caller owns.
  const db = backend === 'postgres' && !env.DATABASE_URL ? await createDatabase() : undefined;
  const dataDir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'ks-bench-')) : undefined;
  const port = 20000 + Math.floor(Math.random() * 10000);
  // BENCH_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": to profile the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: join(root, 'server'),
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_TOKEN: adminToken,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_RPS: '0',
      ...(db ? { DATABASE_URL: db.url } : { DATA_DIR: dataDir as string }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /kitchensync listening on (http:\/\/\S+)/.exec(buffer);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
  return {
    url,
    adminToken,
    child,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await db?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function request<T = unknown>(url: string, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A tenant with manager and kitchen tokens. */
export async function benchTenant(server: ServerProcess, name: string) {
  const tenant = await request<{ id: string }>(server.url, server.adminToken, 'POST', '/api/admin/tenants', { name });
  const token = async (role: string) =>
    (await request<{ token: string }>(server.url, server.adminToken, 'POST', `/api/admin/tenants/${tenant.body.id}/tokens`, { role, label: role })).body.token;
  return { tenantId: tenant.body.id, manager: await token('manager'), kitchen: await token('kitchen') };
}
