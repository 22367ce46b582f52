import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

const ticksPerSecond = 100; // getconf CLK_TCK on Linux

/** utime + stime of a process, in seconds; undefined once it is gone. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/**
 * Seconds a process's threads spent runnable but waiting for a core (`/proc/<pid>/task/<tid>/schedstat`,
 * second field): on an oversubscribed box, time a request waits that no CPU profile shows.
 */
export function runQueueSeconds(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
      return sum + Number(fields[1]) / 1e9;
    }, 0);
  } catch {
    return 0;
  }
}

/** The whole box's busy time (all cores, every process: other agents' work too), in seconds. */
function boxBusySeconds(): number {
  const [, ...values] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = values.map(Number) as number[];
  void idle;
  void iowait;
  return ((user as number) + (nice as number) + (system as number) + (irq as number) + (softirq as number) + (steal as number)) / ticksPerSecond;
}

export const rssBytes = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
export const openFiles = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

interface Activity {
  pid: number;
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
}

/** What a backend was doing at a sample: on CPU, waiting (on what), or idle (inside a transaction or not). */
const doing = (a: Activity) => (a.state !== 'active' ? (a.state ?? 'unknown') : a.wait_event_type ? `${a.wait_event_type}:${a.wait_event}` : 'running');

/**
 * CPU used over a measured span by the server processes and by the Postgres backends serving the
 * bench's database (sampled every 200 ms from pg_stat_activity, as pooled connections may come and
 * go; a backend that ends between samples loses at most its last 200 ms), and what those backends
 * were doing at each sample (on average, how many were running, waiting on a lock, on the WAL…).
 */
export class CpuMeter {
  private readonly backends = new Map<number, { first: number; last: number; waitFirst: number; waitLast: number }>();
  private readonly states = new Map<string, number>();
  private samples = 0;
  private commitsAtStart = 0;
  private serverStart = new Map<number, { cpu: number; wait: number }>();
  private boxStart = 0;
  private startedAt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly admin: pg.Pool,
    private readonly database: string,
    private readonly serverPids: readonly number[],
  ) {}

  async start(): Promise<void> {
    this.backends.clear();
    this.states.clear();
    this.samples = 0;
    this.serverStart = new Map(this.serverPids.map((pid) => [pid, { cpu: cpuSeconds(pid) ?? 0, wait: runQueueSeconds(pid) }]));
    this.boxStart = boxBusySeconds();
    this.startedAt = performance.now();
    this.commitsAtStart = await this.commits();
    await this.sampleBackends();
    this.timer = setInterval(() => void this.sampleBackends().catch(() => undefined), 200);
  }

  async stop() {
    clearInterval(this.timer);
    await this.sampleBackends();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const serverCoresEach = this.serverPids.map((pid) => ((cpuSeconds(pid) ?? 0) - (this.serverStart.get(pid)?.cpu ?? 0)) / seconds);
    const serverWaiting = this.serverPids.reduce((sum, pid) => sum + runQueueSeconds(pid) - (this.serverStart.get(pid)?.wait ?? 0), 0);
    const backends = [...this.backends.values()];
    const backendSeconds = backends.reduce((sum, b) => sum + b.last - b.first, 0);
    return {
      serverCores: serverCoresEach.reduce((a, b) => a + b, 0),
      serverCoresEach,
      postgresCores: backendSeconds / seconds,
      /** Threads runnable but not running, on average (1 = one thread always waiting for a core). */
      runQueue: { server: serverWaiting / seconds, postgres: backends.reduce((sum, b) => sum + b.waitLast - b.waitFirst, 0) / seconds },
      postgresBackends: this.backends.size,
      /** Backends in each state, on average over the samples, busiest first. */
      backendStates: Object.fromEntries([...this.states].sort((a, b) => b[1] - a[1]).map(([state, n]) => [state, Number((n / this.samples).toFixed(2))])),
      boxBusyCores: (boxBusySeconds() - this.boxStart) / seconds,
      /** Transactions committed in the database a second: every statement outside BEGIN/COMMIT is one. */
      commitsPerSecond: ((await this.commits()) - this.commitsAtStart) / seconds,
    };
  }

  private async commits(): Promise<number> {
    const { rows } = await this.admin.query<{ n: string }>('SELECT xact_commit AS n FROM pg_stat_database WHERE datname = $1', [this.database]);
    return Number(rows[0]?.n ?? 0);
  }

  private async sampleBackends(): Promise<void> {
    const { rows } = await this.admin.query<Activity>('SELECT pid, state, wait_event_type, wait_event FROM pg_stat_activity WHERE datname = $1', [this.database]);
    this.samples += 1;
    for (const row of rows) this.states.set(doing(row), (this.states.get(doing(row)) ?? 0) + 1);
    for (const { pid } of rows) {
      const now = cpuSeconds(pid);
      if (now === undefined) continue;
      const wait = runQueueSeconds(pid);
      const seen = this.backends.get(pid);
      if (seen) Object.assign(seen, { last: now, waitLast: wait });
      else this.backends.set(pid, { first: now, last: now, waitFirst: wait, waitLast: wait });
    }
  }
}
