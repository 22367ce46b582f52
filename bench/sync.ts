// `pnpm bench sync [pglite|postgres] [--samples N] [--rows 1000,10000,50000] [--extra] [failover]`:
// this machine's floor and each figure as a ratio to it — visible on another client, pull cost by
// view size, push statements and throughput — then, with --extra, poke fan-out, memory per socket
// and the failover figure. The server runs in its own process; this one is the load.
import os from 'node:os';
import { demoProducts, demoStations } from '@kitchensync/shared';
import { openMany, openPokeSocket, RawClient } from './lib/raw-client.ts';
import { benchTenant, request, startServerProcess, type Backend, type ServerProcess } from './lib/server-process.ts';
import { ms, percentile, summary } from './lib/stats.ts';
import { failover } from './lib/failover.ts';
import { startEchoBackend, type Behind } from './lib/echo-backend.ts';
import { databaseFloor, floorDatabase } from './lib/floor.ts';
import { Phases, visibleLatencies } from './lib/visible.ts';
import { statementCounts } from './lib/statements.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const backends = argv.filter((a) => a === 'pglite' || a === 'postgres') as Backend[];
const onlyFailover = argv.includes('failover');
const extra = argv.includes('--extra');
const samples = Number(option('--samples') ?? 200);
const viewSizes = (option('--rows') ?? '1000,10000,50000').split(',').map(Number);
const chosen: Backend[] = onlyFailover ? [] : backends.length > 0 ? backends : ['pglite', 'postgres'];
const print = (label: string, value: unknown) => console.log(`  ${label.padEnd(46)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

let seq = 0;
const orderMutation = () => {
  seq += 1;
  return {
    name: 'createOrder',
    args: { id: `b${seq}`, channel: 'takeaway', customer: { name: 'Bench' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }], at: Date.now() },
  };
};

async function seededTenant(server: ServerProcess, name: string) {
  const tenant = await benchTenant(server, name);
  const seeder = new RawClient(server.url, tenant.manager);
  await seeder.push([
    ...demoProducts.map((args) => ({ name: 'upsertProduct', args })),
    ...demoStations.map((args) => ({ name: 'upsertStation', args })),
  ]);
  return tenant;
}

/** p50 and p99 of a latency sample, and each as a ratio to the floor (the p50 also to the echo with Postgres behind it). */
function againstFloor(latencies: readonly number[], floorMs: number, echoWithPostgresMs: number) {
  const [p50, p99] = [percentile(latencies, 50), percentile(latencies, 99)];
  const f = (v: number) => Number(v.toFixed(2));
  return { n: latencies.length, p50: f(p50), p99: f(p99), p50xFloor: f(p50 / floorMs), p99xFloor: f(p99 / floorMs), p50xEchoWithPostgres: f(p50 / echoWithPostgresMs) };
}

async function echoVisible(behind?: Behind): Promise<{ p50: number; phases: Phases }> {
  const echo = await startEchoBackend(behind);
  const phases = new Phases();
  try {
    return { p50: percentile(await visibleLatencies(echo.url, 'echo', samples, 0, phases), 50), phases };
  } finally {
    await echo.close();
  }
}

async function measureFloor() {
  const echo = await echoVisible();
  print('echo: where the time goes (medians, ms)', echo.phases.medians());
  for (const slow of echo.phases.slowest()) print('  a slowest sample (ms)', slow);
  const database = await databaseFloor();
  const floorMs = echo.p50 + database.transactionMs + database.readMs;
  // The same transaction and read, but run by the echo backend in each sample: what a Postgres
  // behind the protocol costs between samples, as our server pays it (printed beside the goal's floor).
  const behind = await floorDatabase();
  let endToEnd: number;
  try {
    endToEnd = (await echoVisible(behind)).p50;
  } finally {
    await behind.close();
  }
  return { floorMs: Number(floorMs.toFixed(2)), echoMs: Number(echo.p50.toFixed(2)), ...database, echoWithPostgresMs: Number(endToEnd.toFixed(2)) };
}

async function pushThroughput(server: ServerProcess, perPush: number, total: number, concurrency = 4) {
  const tenant = await seededTenant(server, `throughput-${perPush}`);
  const clients = Array.from({ length: concurrency }, () => new RawClient(server.url, tenant.manager));
  const run = async (pushesEach: number) => {
    const start = process.hrtime.bigint();
    await Promise.all(
      clients.map(async (c) => {
        for (let i = 0; i < pushesEach; i++) await c.push(Array.from({ length: perPush }, orderMutation));
      }),
    );
    return Math.round((pushesEach * concurrency * perPush) / (ms(start) / 1000));
  };
  // Run twice: the first run pays for compiling the path and for preparing the write statement on
  // each pooled connection, which a server that has been up all day has long done.
  const cold = await run(Math.ceil(total / perPush / concurrency));
  return { cold, warm: await run(Math.ceil(total / perPush / concurrency)) };
}

/**
 * Pull cost as the manager's view grows to each size: the first (full) pull of a new client
 * group, then, after each one-row change, a pull with the previous cookie ("changed") and one with
 * nothing new ("unchanged"). Server time is the sync work alone (`Server-Timing`).
 */
async function pullCost(server: ServerProcess, sizes: readonly number[], perSize = 50) {
  const tenant = await benchTenant(server, 'pull');
  const writer = new RawClient(server.url, tenant.manager);
  const product = (i: number, price = 100) => ({ name: 'upsertProduct', args: { id: `p${i}`, name: `Product ${i}`, priceCents: price, stationType: 'grill', prepSeconds: 60 } });
  const out: Record<string, unknown> = {};
  let rows = 0;
  for (const size of sizes) {
    for (; rows < size; rows += 1000) await writer.push(Array.from({ length: Math.min(1000, size - rows) }, (_, k) => product(rows + k)));
    rows = size;
    const reader = new RawClient(server.url, tenant.manager);
    const start = process.hrtime.bigint();
    const first = await reader.pull(null);
    const fullRoundTrip = ms(start);
    let cookie = first.cookie;
    const changed: number[] = [];
    const unchanged: number[] = [];
    for (let i = 0; i < perSize; i++) {
      await writer.push([product(i, 200 + i + size)]);
      const res = await reader.pull(cookie);
      changed.push(res.serverMs);
      cookie = res.cookie;
      unchanged.push((await reader.pull(cookie)).serverMs);
    }
    const p = (v: number[]) => ({ p50: Number(percentile(v, 50).toFixed(2)), p95: Number(percentile(v, 95).toFixed(2)) });
    out[size] = { firstFull: { server: first.serverMs, roundTrip: Number(fullRoundTrip.toFixed(1)), puts: first.patch.length }, changed: p(changed), unchanged: p(unchanged) };
  }
  return out;
}

async function fanOut(server: ServerProcess, sockets = 1000, trials = 20) {
  const tenant = await seededTenant(server, 'fanout');
  let arrivals: bigint[] = [];
  const open = await openMany(sockets, () => openPokeSocket(server.url, tenant.kitchen, (at) => arrivals.push(at)));
  const writer = new RawClient(server.url, tenant.manager);
  const fromPush: number[] = [];
  for (let t = 0; t < trials; t++) {
    arrivals = [];
    const start = process.hrtime.bigint();
    await writer.push([orderMutation()]);
    const deadline = Date.now() + 5000;
    while (arrivals.length < sockets && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    fromPush.push(...arrivals.map((at) => Number(at - start) / 1e6));
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const s of open) s.close();
  return { delivered: `${fromPush.length}/${sockets * trials}`, latencyFromPushStart: summary(fromPush) };
}

async function memory(server: ServerProcess): Promise<{ rss: number; heap: number }> {
  const text = (await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } }).then((r) => r.text())) as string;
  const gauge = (name: string) => Number(new RegExp(`${name} (\\d+)`).exec(text)?.[1] ?? 0);
  return { rss: gauge('kitchensync_process_resident_bytes'), heap: gauge('kitchensync_process_heap_bytes') };
}

async function socketMemory(server: ServerProcess, count = 10_000) {
  const tenant = await benchTenant(server, 'sockets');
  await new Promise((r) => setTimeout(r, 2000));
  const before = await memory(server);
  const start = process.hrtime.bigint();
  const open = await openMany(count, () => openPokeSocket(server.url, tenant.kitchen, () => undefined), 250);
  const openSeconds = ms(start) / 1000;
  await new Promise((r) => setTimeout(r, 1000));
  const after = await memory(server);
  const held = (await request<{ connections: number }>(server.url, server.adminToken, 'GET', '/api/websocket/health')).body.connections;
  for (const s of open) s.close();
  const perSocketKb = (a: number, b: number) => Number(((a - b) / count / 1024).toFixed(1));
  return {
    held,
    heapKbPerSocket: perSocketKb(after.heap, before.heap),
    rssKbPerSocket: perSocketKb(after.rss, before.rss),
    openSeconds: Number(openSeconds.toFixed(1)),
  };
}

console.log(`kitchensync sync benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
console.log(`load average at start: ${load()}`);
let floorMs = Number.NaN;
let echoWithPostgresMs = Number.NaN;
let ceiling = Number.NaN;
if (!onlyFailover) {
  console.log('\n[floor: two Replicache 15.3 clients on an echo backend + one push-shaped Postgres transaction + one read]');
  const floor = await measureFloor();
  [floorMs, ceiling, echoWithPostgresMs] = [floor.floorMs, floor.ceilingTxPerSecond, floor.echoWithPostgresMs];
  print('floor (ms)', floor);
  print('statements per push / pull (in process)', await statementCounts());
}
for (const backend of chosen) {
  console.log(`\n[${backend}] load average ${load()}`);
  const server = await startServerProcess(backend);
  try {
    const phases = new Phases();
    print('visible on another client, 2 clients (ms)', againstFloor(await visibleLatencies(server.url, (await seededTenant(server, 'visible')).manager, samples, 0, phases), floorMs, echoWithPostgresMs));
    print('  where the time goes (medians, ms)', phases.medians());
    for (const slow of phases.slowest()) print('  a slowest sample (ms)', slow);
    const crowd = (await seededTenant(server, 'crowd')).manager;
    print('visible, 1,000 sockets connected (ms)', againstFloor(await visibleLatencies(server.url, crowd, Math.min(samples, 100), 998), floorMs, echoWithPostgresMs));
    const one = await pushThroughput(server, 1, 2000);
    const xCeiling = (v: number) => Number((v / ceiling).toFixed(2));
    print('push, 1 mutation/push (mut/s, × ceiling)', { cold: one.cold, warm: one.warm, xCeilingCold: xCeiling(one.cold), xCeiling: xCeiling(one.warm) });
    print('push, 100 mutations/push (mut/s)', await pushThroughput(server, 100, 20_000));
    print('pull cost by view size (server ms)', await pullCost(server, viewSizes));
    if (extra) print('poke fan-out to 1,000 sockets (ms)', await fanOut(server));
  } finally {
    await server.stop();
  }
  if (!extra || backend !== chosen[0]) continue;
  // On a fresh process: memory the earlier phases left behind would hide the sockets' own cost.
  const fresh = await startServerProcess(backend);
  try {
    print('10,000 sockets on one process', await socketMemory(fresh));
  } finally {
    await fresh.stop();
  }
}
if (onlyFailover || (extra && chosen.includes('postgres'))) {
  console.log('\n[postgres primary + synchronous standby, scripts/pg-pair.sh]');
  print('failover: primary killed → standby promoted', await failover());
}
console.log(`\nload average at end: ${load()}`);
