import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DurableStorage } from './storage.ts';

const serverDir = fileURLToPath(new URL('../../server/', import.meta.url));
/** This tree's server, for `builtServerDir` once built (`pnpm test` builds first): starts in a second where tsx takes tens. */
export const thisServerDir = serverDir;
const listening = /kitchensync listening on (http:\/\/\S+)/;
// Generous: a loaded two-core box can take tens of seconds to load the sources through tsx.
const startTimeoutMs = 90_000;
const gracefulStopMs = 10_000;

export interface ChildServer {
  readonly url: string;
  readonly adminToken: string;
  readonly process: ChildProcess;
  /** Sends `signal` (SIGKILL by default: a crash) and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** A graceful SIGTERM shutdown. */
  stop(): Promise<void>;
}

export interface ChildOptions {
  adminToken?: string;
  env?: Record<string, string>;
  /** Another build's server directory to run `node dist/main.js` in (a previous release). */
  builtServerDir?: string;
}

/**
 * The real server as its own process (`node --import tsx server/src/main.ts`, or a built release's
 * `node dist/main.js`), so a test can
 * crash it with SIGKILL and start another on the same data. Resolves once it prints its URL.
 */
export async function startChildServer(storage: DurableStorage, options: ChildOptions = {}): Promise<ChildServer> {
  const adminToken = options.adminToken ?? `ks_admin_child_${Math.random().toString(36).slice(2)}${Date.now()}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATA_DIR', 'PORT']) delete env[key];
  Object.assign(env, {
    PORT: '0',
    HOST: '127.0.0.1',
    ADMIN_TOKEN: adminToken,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_RPS: '0',
    NODE_ENV: 'test',
    ...storage.env,
    ...options.env,
  });
  const [cwd, args] = options.builtServerDir ? [options.builtServerDir, ['dist/main.js']] : [serverDir, ['--import', 'tsx', 'src/main.ts']];
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await waitForUrl(child);
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // A graceful stop that hangs must not hang the suite.
    const fallback = setTimeout(() => child.kill('SIGKILL'), gracefulStopMs);
    await exited;
    clearTimeout(fallback);
  };
  return { url, adminToken, process: child, kill, stop: () => kill('SIGTERM') };
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`child server ${why}\nstdout: ${stdout}\nstderr: ${stderr}`));
    };
    const timer = setTimeout(() => fail('did not start in time'), startTimeoutMs);
    const onExit = (code: number | null, signal: string | null) => fail(`exited early (${signal ?? code})`);
    child.once('exit', onExit);
    // Both pipes are drained for the child's whole life (a full pipe would block it); only the tail is kept.
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-8000)));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-8000);
      const match = listening.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolve(match[1]);
      }
    });
  });
}
