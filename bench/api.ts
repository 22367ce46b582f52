// `pnpm bench api`: a mixed REST workload (80% reads, 20% writes) against the real server in a
// child process on loopback, at a fixed 200 requests/s and at maximum throughput, on PGlite and
// on Postgres. Options: --seconds N (per phase, default 30), --rate R (default 200),
// --concurrency C (closed loop, default 16), --backend pglite|postgres|pglite-memory (default: pglite and postgres).
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { cpuSeconds } from './rest/cpu.ts';
import { HttpClient } from './rest/http.ts';
import { startServer, type Backend } from './rest/server.ts';
import { Workload, type Op, type OpKind } from './rest/workload.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    rate: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '16' },
    backend: { type: 'string' },
    'by-op': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rate = Number(values.rate);
const concurrency = Number(values.concurrency);
const backends: Backend[] = values.backend ? [values.backend as Backend] : ['pglite', 'postgres'];

interface Sample {
  name: string;
  kind: OpKind;
  ms: number;
  /** HTTP status; 599 when the request itself failed (`failure` says how). */
  status: number;
  failure?: string;
}

/** Nearest-rank percentile. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number);
}

function summarise(label: string, samples: readonly Sample[], elapsedS: number) {
  const row = (kind: OpKind | 'all') => {
    const picked = samples.filter((s) => kind === 'all' || s.kind === kind);
    const ms = picked.map((s) => s.ms).sort((a, b) => a - b);
    return {
      phase: label, ops: kind, requests: picked.length, 'req/s': Math.round(picked.length / elapsedS),
      p50: +percentile(ms, 50).toFixed(2), p95: +percentile(ms, 95).toFixed(2), p99: +percentile(ms, 99).toFixed(2),
      errors: picked.filter((s) => s.status >= 400).length,
    };
  };
  return [row('all'), row('read'), row('write')];
}

/** Latency by operation, to see which endpoint a slow phase owes its tail to. */
function byOp(label: string, samples: readonly Sample[]) {
  const names = [...new Set(samples.map((s) => s.name))].sort();
  return names.map((name) => {
    const ms = samples.filter((s) => s.name === name).map((s) => s.ms).sort((a, b) => a - b);
    return { phase: label, op: name, n: ms.length, p50: +percentile(ms, 50).toFixed(2), p95: +percentile(ms, 95).toFixed(2) };
  });
}

async function timed(op: Op, startedAt: number): Promise<Sample> {
  try {
    const status = await op.run();
    return { name: op.name, kind: op.kind, ms: performance.now() - startedAt, status };
  } catch (err) {
    const failure = (err as { code?: string }).code ?? String(err);
    return { name: op.name, kind: op.kind, ms: performance.now() - startedAt, status: 599, failure };
  }
}

/** Open loop: request i leaves at i/rate whatever happened to earlier ones; latency counts from that moment. */
async function fixedRate(workload: Workload, perSecond: number, durationS: number): Promise<Sample[]> {
  const samples: Promise<Sample>[] = [];
  const start = performance.now();
  const total = Math.round(perSecond * durationS);
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    samples.push(timed(workload.next(), due));
  }
  return Promise.all(samples);
}

/** Closed loop: `workers` callers, each sending its next request as soon as the last one answers. */
async function maxThroughput(workload: Workload, workers: number, durationS: number): Promise<{ samples: Sample[]; elapsedS: number }> {
  const samples: Sample[] = [];
  const start = performance.now();
  const end = start + durationS * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) samples.push(await timed(workload.next(), performance.now()));
    }),
  );
  return { samples, elapsedS: (performance.now() - start) / 1000 };
}

/** Writes per transaction so far (group commit; the mix only writes over REST), from the server's metrics. */
async function writesPerBatch(http: HttpClient, adminToken: string): Promise<{ writes: number; batches: number }> {
  const res = await http.send('GET', '/api/metrics', adminToken);
  const text = String(res.body);
  const value = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { writes: value('kitchensync_writes_total'), batches: value('kitchensync_write_transactions_total') };
}

/** Which requests failed and how, so a bad run explains itself. */
function failures(label: string, samples: readonly Sample[]): string | undefined {
  const counts = new Map<string, number>();
  for (const s of samples) {
    const key = `${s.name} ${s.status}${s.failure ? ` ${s.failure}` : ''}`;
    if (s.status >= 400) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts.size === 0 ? undefined : `${label} failures: ${[...counts].map(([k, n]) => `${k} ×${n}`).join(', ')}`;
}

const table: ReturnType<typeof summarise> = [];
const notes: string[] = [];
const cpu: string[] = [];
const batching: string[] = [];
for (const backend of backends) {
  const server = await startServer(backend);
  const http = new HttpClient(server.url);
  try {
    const workload = new Workload(http);
    await workload.setup(server.adminToken);
    await fixedRate(workload, 100, 5); // warm-up: JIT, caches, and a few hundred orders to read
    const before = await writesPerBatch(http, server.adminToken);
    const cpuBefore = cpuSeconds(server.pid, server.database);
    const fixed = await fixedRate(workload, rate, seconds);
    const cpuAfter = cpuSeconds(server.pid, server.database);
    table.push(...summarise(`${backend} @${rate}/s`, fixed, seconds));
    const perRequest = (s: number) => ((s * 1000) / fixed.length).toFixed(2);
    cpu.push(
      `${backend} @${rate}/s: server process ${perRequest(cpuAfter.server - cpuBefore.server)} ms CPU per request` +
        (server.database ? `, its Postgres backends ${perRequest(cpuAfter.postgres - cpuBefore.postgres)} ms` : ''),
    );
    const middle = await writesPerBatch(http, server.adminToken);
    const max = await maxThroughput(workload, concurrency, seconds);
    table.push(...summarise(`${backend} max (${concurrency} conc.)`, max.samples, max.elapsedS));
    const after = await writesPerBatch(http, server.adminToken);
    const ratio = (a: typeof before, b: typeof before) => ((b.writes - a.writes) / Math.max(1, b.batches - a.batches)).toFixed(2);
    for (const note of [failures(`${backend} @${rate}/s`, fixed), failures(`${backend} max`, max.samples)]) if (note) notes.push(note);
    batching.push(`${backend}: ${ratio(before, middle)} writes per transaction @${rate}/s, ${ratio(middle, after)} at max`);
    if (values['by-op']) console.table([...byOp(`${backend} @${rate}/s`, fixed), ...byOp(`${backend} max`, max.samples)]);
  } finally {
    http.close();
    await server.stop();
  }
}

console.log(`REST mixed workload (80% reads / 20% writes), ${seconds}s per phase, ${cpus().length} cores, node ${process.version}; latency in ms`);
console.table(table);
for (const line of [...cpu, ...batching, ...notes]) console.log(line);
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work on the machine competes for the same cores)`);
const fixed = table.filter((r) => r.phase.includes(`@${rate}/s`) && r.ops === 'all');
for (const r of fixed) console.log(`${r.phase}: p95 ${r.p95} ms ${r.p95 <= 25 ? '≤' : '>'} 25 ms target`);
