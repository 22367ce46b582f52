import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { startServerProcess, type ServerProcess } from '../lib/server-process.ts';
import { percentile } from '../lib/stats.ts';
import type { WorkerReport } from './protocol.ts';
import { roles, type RestaurantSpec, type RushOptions } from './rush.ts';
import type { TenantTokens } from './tenants.ts';
import { CpuMeter, openFiles, rssBytes } from './usage.ts';

export interface PointPlan {
  databaseUrl: string;
  databaseName: string;
  admin: pg.Pool;
  restaurants: readonly TenantTokens[];
  processes: number;
  workers: number;
  warmupSeconds: number;
  seconds: number;
  rush: RushOptions;
  runTag: string;
}

const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url));
const round = (v: number, digits = 1) => Number(v.toFixed(digits));
const pct = (v: readonly number[], p: number) => round(percentile(v, p));

/** N server processes on one database: the first migrates alone, the others then start together. */
async function startServers(plan: PointPlan): Promise<ServerProcess[]> {
  const env = { DATABASE_URL: plan.databaseUrl };
  const first = await startServerProcess('postgres', env);
  const rest = await Promise.all(Array.from({ length: plan.processes - 1 }, () => startServerProcess('postgres', env)));
  return [first, ...rest];
}

class LoadProcess {
  readonly child: ChildProcess;
  constructor() {
    this.child = fork(workerPath, [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  }
  send(message: unknown): void {
    this.child.send(message as object);
  }
  next<T>(type: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const exited = (code: number | null, signal: string | null) => reject(new Error(`a load process exited (${signal ?? code}) waiting for '${type}'`));
      const on = (m: { type: string; message?: string }) => {
        if (m.type === 'failed') reject(new Error(m.message));
        if (m.type !== type) return;
        this.child.off('message', on).off('close', exited);
        resolve(m as T);
      };
      // 'close', not 'exit': it comes after the IPC channel closed, so after the last message.
      this.child.on('message', on).once('close', exited);
    });
  }
}

/** A restaurant's terminals spread over the processes, as a load balancer would spread connections. */
function specs(plan: PointPlan, servers: readonly ServerProcess[]): RestaurantSpec[] {
  return plan.restaurants.map((t, r) => ({ ...t, urls: roles.map((_, i) => (servers[(r * roles.length + i) % servers.length] as ServerProcess).url) }));
}

async function socketsOpen(servers: readonly ServerProcess[]): Promise<number> {
  const gauge = async (s: ServerProcess) => {
    const text = await fetch(`${s.url}/api/metrics`, { headers: { authorization: `Bearer ${s.adminToken}` } }).then((r) => r.text(), () => '');
    return Number(/kitchensync_ws_connections (\d+)/.exec(text)?.[1] ?? Number.NaN);
  };
  return (await Promise.all(servers.map(gauge))).reduce((a, b) => a + b, 0);
}

const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

/** One point of the capacity curve: R restaurants in a rush against N server processes. */
export async function runPoint(plan: PointPlan) {
  const servers = await startServers(plan);
  const loads = Array.from({ length: Math.min(plan.workers, plan.restaurants.length) }, () => new LoadProcess());
  try {
    const all = specs(plan, servers);
    await Promise.all(loads.map((l, w) => {
      l.send({ type: 'open', restaurants: all.filter((_, r) => r % loads.length === w), runTag: `${plan.runTag}w${w}`, options: plan.rush });
      return l.next('opened');
    }));
    for (const l of loads) l.send({ type: 'start' });
    await sleep(plan.warmupSeconds);
    const meter = new CpuMeter(plan.admin, plan.databaseName, servers.map((s) => s.child.pid as number));
    await meter.start();
    for (const l of loads) l.send({ type: 'measure' });
    await sleep(plan.seconds);
    const sockets = await socketsOpen(servers);
    const serverFiles = servers.map((s) => openFiles(s.child.pid as number));
    const serverRss = servers.map((s) => rssBytes(s.child.pid as number));
    const reports = await Promise.all(loads.map((l) => {
      l.send({ type: 'stop' });
      return l.next<{ stats: WorkerReport }>('stats').then((m) => m.stats);
    }));
    return summarize(plan, reports, await meter.stop(), { sockets, serverFiles, serverRss });
  } finally {
    for (const l of loads) if (l.child.exitCode === null) l.child.kill();
    await Promise.all(servers.map((s) => s.stop()));
  }
}

type Usage = Awaited<ReturnType<CpuMeter['stop']>>;

function summarize(plan: PointPlan, reports: WorkerReport[], usage: Usage, held: { sockets: number; serverFiles: number[]; serverRss: number[] }) {
  const R = plan.restaurants.length;
  const perRestaurant = reports.flatMap((r) => r.visible);
  const visible = perRestaurant.flat();
  const restaurantP99 = perRestaurant.filter((v) => v.length > 0).map((v) => percentile(v, 99));
  const seconds = plan.seconds;
  const sum = (pick: (r: WorkerReport) => number) => reports.reduce((a, r) => a + pick(r), 0);
  const errors: Record<string, number> = {};
  for (const r of reports) for (const [k, n] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + n;
  return {
    restaurants: R,
    processes: plan.processes,
    visible: { n: visible.length, p50: pct(visible, 50), p99: pct(visible, 99), max: pct(visible, 100) },
    restaurantP99: { median: pct(restaurantP99, 50), worst: pct(restaurantP99, 100) },
    pushMs: { p50: pct(reports.flatMap((r) => r.push), 50), p99: pct(reports.flatMap((r) => r.push), 99) },
    pullMs: { p50: pct(reports.flatMap((r) => r.pull), 50), p99: pct(reports.flatMap((r) => r.pull), 99) },
    pushInServerMs: { p50: pct(reports.flatMap((r) => r.pushInServer), 50), p99: pct(reports.flatMap((r) => r.pushInServer), 99) },
    pullInServerMs: { p50: pct(reports.flatMap((r) => r.pullInServer), 50), p99: pct(reports.flatMap((r) => r.pullInServer), 99) },
    pokeToPullMs: { p50: pct(reports.flatMap((r) => r.pokeLag), 50), p99: pct(reports.flatMap((r) => r.pokeLag), 99) },
    perSecond: {
      mutations: Math.round(sum((r) => r.mutations) / seconds),
      pushes: Math.round(sum((r) => r.push.length) / seconds),
      pulls: Math.round(sum((r) => r.pull.length) / seconds),
      commits: Math.round(usage.commitsPerSecond),
    },
    /** Pulls per order taken (a restaurant's whole rush: confirms, starts, bumps, hand-offs), and how many of them changed nothing on their screen. */
    pullsPerOrder: { all: round(sum((r) => r.pull.length) / sum((r) => r.orders)), empty: round(sum((r) => r.emptyPulls) / sum((r) => r.orders)) },
    cores: {
      server: round(usage.serverCores, 2),
      serverEach: usage.serverCoresEach.map((c) => round(c, 2)),
      postgres: round(usage.postgresCores, 2),
      load: round(sum((r) => r.cpuCores), 2),
      box: round(usage.boxBusyCores, 2),
    },
    runQueue: { server: round(usage.runQueue.server, 2), postgres: round(usage.runQueue.postgres, 2), load: round(sum((r) => r.runQueue), 2) },
    millicoresPerRestaurant: { server: round((1000 * usage.serverCores) / R, 2), postgres: round((1000 * usage.postgresCores) / R, 2) },
    loadLoopDelayMs: { p99: round(Math.max(...reports.map((r) => r.loopDelayMs.p99))), max: round(Math.max(...reports.map((r) => r.loopDelayMs.max))) },
    sockets: held.sockets,
    serverOpenFiles: held.serverFiles,
    serverRssMiB: held.serverRss.map((b) => Math.round(b / 2 ** 20)),
    postgresBackends: usage.postgresBackends,
    backendStates: usage.backendStates,
    errors,
  };
}

export type PointResult = Awaited<ReturnType<typeof runPoint>>;
