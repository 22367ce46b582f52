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

/**
 * CPU used over a measured span by the server processes and by the Postgres backends serving the
 * bench's database (sampled every 500 ms from pg_stat_activity, as pooled connections may come and
 * go; a backend that ends between samples loses at most its last half second).
 */
export class CpuMeter {
  private readonly backends = new Map<number, { first: number; last: number }>();
  private serverStart = new Map<number, number>();
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
    this.serverStart = new Map(this.serverPids.map((pid) => [pid, cpuSeconds(pid) ?? 0]));
    this.boxStart = boxBusySeconds();
    this.startedAt = performance.now();
    await this.sampleBackends();
    this.timer = setInterval(() => void this.sampleBackends().catch(() => undefined), 500);
  }

  async stop(): Promise<{ serverCores: number; serverCoresEach: number[]; postgresCores: number; postgresBackends: number; boxBusyCores: number }> {
    clearInterval(this.timer);
    await this.sampleBackends();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const serverCoresEach = this.serverPids.map((pid) => ((cpuSeconds(pid) ?? 0) - (this.serverStart.get(pid) ?? 0)) / seconds);
    const backendSeconds = [...this.backends.values()].reduce((sum, b) => sum + b.last - b.first, 0);
    return {
      serverCores: serverCoresEach.reduce((a, b) => a + b, 0),
      serverCoresEach,
      postgresCores: backendSeconds / seconds,
      postgresBackends: this.backends.size,
      boxBusyCores: (boxBusySeconds() - this.boxStart) / seconds,
    };
  }

  private async sampleBackends(): Promise<void> {
    const { rows } = await this.admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [this.database]);
    for (const { pid } of rows) {
      const now = cpuSeconds(pid);
      if (now === undefined) continue;
      const seen = this.backends.get(pid);
      if (seen) seen.last = now;
      else this.backends.set(pid, { first: now, last: now });
    }
  }
}
