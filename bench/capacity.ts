// `pnpm bench capacity [--restaurants 100,300,1000] [--processes 1,2,4] [--runs 2] [--seconds 30]
// [--warmup 20] [--workers 3] [--order-every 30] [--void 0.03] [--backstop 60] [--script rush|till] [--json file]`:
// R restaurants × 6 screens in a dinner rush against N server processes on one Postgres. For each
// point: visible latency (a change pushed on one screen, pulled by each other screen of the
// restaurant), server and Postgres CPU per restaurant, sockets, memory, and the load processes'
// own CPU and event-loop delay. Points run alternated (run 1 of every point, then run 2) and the
// table quotes medians over runs; the knee is the largest R whose median p99 is ≤ 50 ms.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { createDatabase, startServerProcess } from './lib/server-process.ts';
import { median } from './lib/stats.ts';
import { runPoint, type PointResult } from './capacity/point.ts';
import { createRestaurants } from './capacity/tenants.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? (argv[at + 1] as string) : fallback;
};
const list = (name: string, fallback: string) => option(name, fallback).split(',').map(Number);
const restaurantCounts = list('--restaurants', '100,300,600,1000');
const processCounts = list('--processes', '1,2,4');
const runs = Number(option('--runs', '2'));
const goalMs = 50;
const rush = { orderEverySeconds: Number(option('--order-every', '30')), voidShare: Number(option('--void', '0.03')), backstopPullMs: Number(option('--backstop', '60')) * 1000, script: option('--script', 'rush') as 'rush' | 'till' };
if (rush.script !== 'rush' && rush.script !== 'till') throw new Error('--script is rush or till');
const timing = { seconds: Number(option('--seconds', '30')), warmupSeconds: Number(option('--warmup', '20')), workers: Number(option('--workers', '3')) };
const jsonPath = argv.includes('--json') ? option('--json', '') : undefined;

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function line(r: PointResult, run: number): string {
  return [
    `run ${run}  R=${String(r.restaurants).padStart(5)} N=${r.processes}`,
    `visible p50 ${r.visible.p50} p99 ${r.visible.p99} ms (n ${r.visible.n})`,
    `push ${r.pushMs.p50}/${r.pushMs.p99} (sync ${r.pushInServerMs.p50}/${r.pushInServerMs.p99}) pull ${r.pullMs.p50}/${r.pullMs.p99} (sync ${r.pullInServerMs.p50}/${r.pullInServerMs.p99}) poke→pull ${r.pokeToPullMs.p50}/${r.pokeToPullMs.p99}`,
    `${r.perSecond.mutations} mut/s ${r.perSecond.pushes} pushes/s ${r.perSecond.pulls} pulls/s ${r.perSecond.commits} commits/s · pulls per order ${r.pullsPerOrder.all} (empty ${r.pullsPerOrder.empty})`,
    `cores server ${r.cores.server} [${r.cores.serverEach.join(' ')}] pg ${r.cores.postgres} load ${r.cores.load} box ${r.cores.box}`,
    `waiting for a core: server ${r.runQueue.server} pg ${r.runQueue.postgres} load ${r.runQueue.load}`,
    `load loop p99 ${r.loadLoopDelayMs.p99} max ${r.loadLoopDelayMs.max} ms`,
    `sockets ${r.sockets} rss ${r.serverRssMiB.join('/')} MiB`,
    `pg backends ${JSON.stringify(r.backendStates)}`,
    Object.keys(r.errors).length ? `errors ${JSON.stringify(r.errors)}` : '',
  ].join(' · ');
}

function table(results: { run: number; result: PointResult }[]): void {
  console.log('\nmedians over runs (ms; millicores per restaurant; cores):');
  console.log('    R  N   p50    p99  srv mc/R  pg mc/R  srv cores  pg cores  load cores  box cores  runs');
  const knees = new Map<number, number>();
  for (const N of processCounts) {
    for (const R of restaurantCounts) {
      const points = results.filter((p) => p.result.restaurants === R && p.result.processes === N).map((p) => p.result);
      if (points.length === 0) continue;
      const m = (pick: (r: PointResult) => number) => median(points.map(pick));
      const p99 = m((r) => r.visible.p99);
      if (p99 <= goalMs) knees.set(N, Math.max(knees.get(N) ?? 0, R));
      console.log(
        `${String(R).padStart(5)} ${String(N).padStart(2)} ${String(m((r) => r.visible.p50)).padStart(5)} ${String(p99).padStart(6)}` +
          `  ${String(m((r) => r.millicoresPerRestaurant.server)).padStart(8)} ${String(m((r) => r.millicoresPerRestaurant.postgres)).padStart(8)}` +
          `  ${String(m((r) => r.cores.server)).padStart(9)} ${String(m((r) => r.cores.postgres)).padStart(9)} ${String(m((r) => r.cores.load)).padStart(11)} ${String(m((r) => r.cores.box)).padStart(10)}  ${points.length}`,
      );
    }
  }
  for (const N of processCounts) console.log(`knee (largest R with p99 ≤ ${goalMs} ms), ${N} process(es): ${knees.get(N) ?? `none of ${restaurantCounts.join(', ')}`}`);
}

async function main(): Promise<void> {
  console.log(`capacity: ${os.cpus().length} cores, load ${load()}; ${rush.script}: an order every ${rush.orderEverySeconds} s per restaurant${rush.script === 'rush' ? `, ${rush.voidShare * 100}% voided` : ''}; ${timing.warmupSeconds} s warm-up, ${timing.seconds} s measured, ${timing.workers} load processes`);
  const db = await createDatabase();
  const databaseName = new URL(db.url).pathname.slice(1);
  const admin = new pg.Pool({ connectionString: process.env.BENCH_POSTGRES_URL ?? 'postgres://kitchensync:kitchensync@127.0.0.1:5432/postgres', max: 2 });
  const results: { run: number; result: PointResult }[] = [];
  try {
    const setup = await startServerProcess('postgres', { DATABASE_URL: db.url });
    const started = Date.now();
    const tenants = await createRestaurants(setup, Math.max(...restaurantCounts)).finally(() => setup.stop());
    console.log(`${tenants.length} restaurants created and seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    for (let run = 1; run <= runs; run++) {
      for (const R of restaurantCounts) {
        for (const N of processCounts) {
          const runTag = `r${run}R${R}N${N}-${Date.now().toString(36)}`;
          const result = await runPoint({ databaseUrl: db.url, databaseName, admin, restaurants: tenants.slice(0, R), processes: N, rush, runTag, ...timing });
          results.push({ run, result });
          console.log(`${line(result, run)} · box load ${load()}`);
        }
      }
    }
    table(results);
    if (jsonPath) writeFileSync(jsonPath, JSON.stringify(results, null, 1));
  } finally {
    await admin.end();
    await db.drop();
  }
}

await main();
