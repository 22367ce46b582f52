// Visible on another client: Replicache client A runs a mutation, client B (pulling on every poke)
// sees it in a subscription. Both with `minDelayMs: 1` and no push delay, so what is measured is
// push → commit → poke → pull → subscribe, not Replicache's pacing.
import { Replicache, type LogSink } from 'replicache';
import { mutators } from '@kitchensync/shared';
import { openMany, openPokeSocket } from './raw-client.ts';
import { ms, percentile } from './stats.ts';

const phaseNames = ['mutate → push sent', 'push round trip', 'push answered → poke', 'poke → pull sent', 'pull round trip', 'pull answered → seen'] as const;

/**
 * Where "visible on another client" spends its time: each sample's moments (A's push sent and
 * answered, the poke at B, B's pull sent and answered, B's subscription firing), as medians of
 * the gaps between them. Read from this process's `fetch`, which Replicache uses.
 */
export class Phases {
  private readonly gaps: number[][] = phaseNames.map(() => []);
  /** Each recorded sample's total and its gaps, to show where the slowest ones lost their time. */
  private readonly samples: { total: number; gaps: number[] }[] = [];
  /** The sync work's own time inside push and pull (`Server-Timing`), when the server says it. */
  private readonly server: Record<'push' | 'pull', number[]> = { push: [], pull: [] };
  private marks: Partial<Record<'pushSent' | 'pushAnswered' | 'poke' | 'pullSent' | 'pullAnswered', bigint>> = {};

  mark(name: keyof Phases['marks']): void {
    this.marks[name] ??= process.hrtime.bigint();
  }

  record(start: bigint, seen: bigint): void {
    const m = this.marks;
    const at = [start, m.pushSent, m.pushAnswered, m.poke, m.pullSent, m.pullAnswered, seen];
    this.marks = {};
    if (at.some((t) => t === undefined)) return;
    const gaps = phaseNames.map((_, i) => Number((at[i + 1] as bigint) - (at[i] as bigint)) / 1e6);
    gaps.forEach((gap, i) => this.gaps[i]?.push(gap));
    this.samples.push({ total: Number(seen - start) / 1e6, gaps });
  }

  /** The `n` slowest samples, each as its total and its phases (ms). */
  slowest(n = 3): Record<string, number>[] {
    const round = (v: number) => Number(v.toFixed(1));
    return [...this.samples]
      .sort((a, b) => b.total - a.total)
      .slice(0, n)
      .map((s) => Object.fromEntries([['total', round(s.total)], ...phaseNames.map((name, i) => [name, round(s.gaps[i] ?? 0)])]));
  }

  reset(): void {
    this.marks = {};
  }

  medians(): Record<string, number> {
    const median = (v: number[]) => Number(percentile(v, 50).toFixed(2));
    const inServer = Object.entries(this.server).filter(([, v]) => v.length > 0).map(([kind, v]) => [`${kind} in server`, median(v)]);
    return Object.fromEntries([...phaseNames.map((name, i) => [name, median(this.gaps[i] ?? [])]), ...inServer]);
  }

  /** Wraps `fetch` while `run` goes, marking pushes and pulls. */
  async watch<T>(run: () => Promise<T>): Promise<T> {
    const real = globalThis.fetch;
    globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      const kind = url.endsWith('/push') ? 'push' : url.endsWith('/pull') ? 'pull' : undefined;
      if (kind) this.mark(`${kind}Sent`);
      const res = await real(input, init);
      if (kind) {
        this.mark(`${kind}Answered`);
        const dur = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
        if (dur) this.server[kind].push(Number(dur));
      }
      return res;
    };
    try {
      return await run();
    } finally {
      globalThis.fetch = real;
    }
  }
}

const quiet: LogSink = { log: () => undefined };
let seq = 0;

function client(url: string, token: string) {
  seq += 1;
  return new Replicache({
    name: `bench-${process.pid}-${seq}`,
    kvStore: 'mem',
    mutators,
    pullURL: `${url}/api/replicache/pull`,
    pushURL: `${url}/api/replicache/push`,
    auth: `Bearer ${token}`,
    schemaVersion: '1',
    pullInterval: null,
    pushDelay: 0,
    requestOptions: { minDelayMs: 1 },
    logSinks: [quiet],
  });
}

/** Latencies (ms) of `samples` one-row mutations; `bystanders` more sockets of the tenant stay connected. */
export async function visibleLatencies(url: string, token: string, samples: number, bystanders = 0, phases = new Phases()): Promise<number[]> {
  return phases.watch(() => measure(url, token, samples, bystanders, phases));
}

async function measure(url: string, token: string, samples: number, bystanders: number, phases: Phases): Promise<number[]> {
  const a = client(url, token);
  const b = client(url, token);
  const others = await openMany(bystanders, () => openPokeSocket(url, token, () => undefined));
  const socket = await openPokeSocket(url, token, () => {
    phases.mark('poke');
    void b.pull().catch(() => undefined);
  });
  await Promise.all([a.pull(), b.pull()]);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < samples + 10; i++) {
      const id = `v${process.pid}-${seq}-${i}`;
      phases.reset();
      const start = process.hrtime.bigint();
      const seen = new Promise<void>((resolve) => {
        const off = b.subscribe((tx) => tx.has(`product/${id}`), (has) => {
          if (!has) return;
          off();
          resolve();
        });
      });
      await a.mutate.upsertProduct({ id, name: `Visible ${i}`, priceCents: 100, stationType: 'grill', prepSeconds: 60 });
      await seen;
      if (i >= 10) {
        latencies.push(ms(start)); // the first ten warm up both clients and the server
        phases.record(start, process.hrtime.bigint());
      }
      // Untimed: A's own pull confirms its mutation, as a poked client's would, so the next push
      // carries one mutation rather than every one A has made.
      await a.pull();
    }
  } finally {
    socket.close();
    for (const s of others) s.close();
    await Promise.all([a.close(), b.close()]);
  }
  return latencies;
}
