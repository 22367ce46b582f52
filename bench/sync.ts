// `pnpm bench sync [pglite|postgres|failover]`: push throughput, visible-on-another-client latency, incremental
// pull, poke fan-out, memory per socket, and (with postgres, or alone with `failover`) the failover
// figure. The server runs in its own process; this one is the load.
import os from 'node:os';
import { Replicache } from 'replicache';
import { demoProducts, demoStations, mutators } from '@kitchensync/shared';
import { openMany, openPokeSocket, RawClient } from './lib/raw-client.ts';
import { benchTenant, request, startServerProcess, type Backend, type ServerProcess } from './lib/server-process.ts';
import { ms, summary } from './lib/stats.ts';
import { failover } from './lib/failover.ts';

const backends = (process.argv.slice(2).filter((a) => a === 'pglite' || a === 'postgres') as Backend[]);
const onlyFailover = process.argv.includes('failover');
const chosen: Backend[] = onlyFailover ? [] : backends.length > 0 ? backends : ['pglite', 'postgres'];
const print = (label: string, value: unknown) => console.log(`  ${label.padEnd(46)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);

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

async function pushThroughput(server: ServerProcess, perPush: number, total: number, concurrency = 4) {
  const tenant = await seededTenant(server, `throughput-${perPush}`);
  const clients = Array.from({ length: concurrency }, () => new RawClient(server.url, tenant.manager));
  const pushesEach = Math.ceil(total / perPush / concurrency);
  const start = process.hrtime.bigint();
  await Promise.all(
    clients.map(async (c) => {
      for (let i = 0; i < pushesEach; i++) await c.push(Array.from({ length: perPush }, orderMutation));
    }),
  );
  const seconds = ms(start) / 1000;
  return Math.round((pushesEach * concurrency * perPush) / seconds);
}

async function visibleLatency(server: ServerProcess, clients = 100, samples = 200) {
  const tenant = await seededTenant(server, 'visible');
  const others = await openMany(clients - 2, () => openPokeSocket(server.url, tenant.kitchen, () => undefined));
  const observer = new Replicache({
    name: `bench-${Date.now()}`,
    kvStore: 'mem',
    mutators,
    pullURL: `${server.url}/api/replicache/pull`,
    pushURL: `${server.url}/api/replicache/push`,
    auth: `Bearer ${tenant.manager}`,
    schemaVersion: '1',
    pullInterval: null,
  });
  const socket = await openPokeSocket(server.url, tenant.manager, () => void observer.pull().catch(() => undefined));
  await observer.pull();
  const writer = new RawClient(server.url, tenant.manager);
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const m = orderMutation();
    const key = `order/${(m.args as { id: string }).id}`;
    const start = process.hrtime.bigint();
    const seen = new Promise<void>((resolve) => {
      const off = observer.subscribe((tx) => tx.has(key), (has) => {
        if (has) {
          off();
          resolve();
        }
      });
    });
    await writer.push([m]);
    await seen;
    latencies.push(ms(start));
  }
  socket.close();
  for (const s of others) s.close();
  await observer.close();
  return summary(latencies);
}

async function incrementalPull(server: ServerProcess, rows = 10_000, samples = 100) {
  const tenant = await seededTenant(server, 'pull');
  const writer = new RawClient(server.url, tenant.manager);
  const product = (i: number, price = 100) => ({ name: 'upsertProduct', args: { id: `p${i}`, name: `Product ${i}`, priceCents: price, stationType: 'grill', prepSeconds: 60 } });
  for (let i = 0; i < rows; i += 1000) await writer.push(Array.from({ length: Math.min(1000, rows - i) }, (_, k) => product(i + k)));
  const reader = new RawClient(server.url, tenant.manager);
  const full = process.hrtime.bigint();
  let { cookie } = await reader.pull(null);
  const fullMs = ms(full);
  const changed: number[] = [];
  const unchanged: number[] = [];
  for (let i = 0; i < samples; i++) {
    await writer.push([product(i, 200 + i)]);
    let start = process.hrtime.bigint();
    const res = await reader.pull(cookie);
    changed.push(ms(start));
    cookie = res.cookie;
    start = process.hrtime.bigint();
    await reader.pull(cookie);
    unchanged.push(ms(start));
  }
  return { fullMs: Number(fullMs.toFixed(1)), changed: summary(changed), unchanged: summary(unchanged) };
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
for (const backend of chosen) {
  console.log(`\n[${backend}]`);
  const server = await startServerProcess(backend);
  try {
    print('push throughput, 1 mutation/push (mut/s)', await pushThroughput(server, 1, 2000));
    print('push throughput, 20 mutations/push (mut/s)', await pushThroughput(server, 20, 10_000));
    print('visible on another client, 100 clients (ms)', await visibleLatency(server));
    print('pull at 10,000 rows (ms)', await incrementalPull(server));
    print('poke fan-out to 1,000 sockets (ms)', await fanOut(server));
  } finally {
    await server.stop();
  }
  if (backend !== chosen[0]) continue;
  // On a fresh process: memory the earlier phases left behind would hide the sockets' own cost.
  const fresh = await startServerProcess(backend);
  try {
    print('10,000 sockets on one process', await socketMemory(fresh));
  } finally {
    await fresh.stop();
  }
}
if (onlyFailover || chosen.includes('postgres')) {
  console.log('\n[postgres primary + synchronous standby, scripts/pg-pair.sh]');
  print('failover: primary killed → standby promoted', await failover());
}
