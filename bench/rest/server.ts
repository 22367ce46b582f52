import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** `pglite-memory`: PGlite without a data directory (no disk I/O), to tell disk waits from CPU. */
export type Backend = 'pglite' | 'pglite-memory' | 'postgres';

const root = fileURLToPath(new URL('../../', import.meta.url));
const adminPostgresUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://kitchensync:kitchensync@127.0.0.1:5432/postgres';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminPostgresUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
}

export interface ServerProcess {
  url: string;
  adminToken: string;
  pid: number;
  /** The Postgres database it uses (none for PGlite). */
  database: string | undefined;
  stop(): Promise<void>;
}

/**
 * The real server (`tsx server/src/main.ts`) as a child process on loopback, in production mode
 * with the rate limit off: PGlite in a fresh data directory, or a fresh Postgres database.
 */
export async function startServer(backend: Backend): Promise<ServerProcess> {
  const adminToken = `ks_admin_bench_${randomBytes(12).toString('hex')}`;
  const dbName = `ks_bench_api_${randomBytes(4).toString('hex')}`;
  const dataDir = backend === 'pglite' ? mkdtempSync(join(tmpdir(), 'ks-bench-api-')) : undefined;
  let databaseUrl: string | undefined;
  if (backend === 'postgres') {
    await adminQuery(`CREATE DATABASE ${dbName}`);
    const url = new URL(adminPostgresUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'server/src/main.ts')], {
    cwd: join(root, 'server'),
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(await freePort()),
      HOST: '127.0.0.1',
      ADMIN_TOKEN: adminToken,
      SEED_DEMO: 'false',
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'silent',
      RATE_LIMIT_RPS: '0',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : backend === 'pglite-memory' ? { DATABASE_URL: 'memory://' } : { DATA_DIR: dataDir as string }),
    },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /kitchensync listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
  });
  return {
    url,
    adminToken,
    pid: child.pid as number,
    database: backend === 'postgres' ? dbName : undefined,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (backend === 'postgres') await adminQuery(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    },
  };
}
