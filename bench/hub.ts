// `pnpm bench hub [--samples N] [--queued N] [--terminals N]`: a restaurant hub (PGlite, its own
// process) in front of a cloud (Postgres, its own process). Visible-on-another-terminal latency
// through the hub with the cloud link cut, against the same through the cloud; time for the hub to
// drain N mutations it queued while cut off; the hub's memory with N terminals connected.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { demoProducts, demoStations } from '@kitchensync/shared';
import { openMany, openPokeSocket, RawClient } from './lib/raw-client.ts';
import { benchTenant, request, startServerProcess } from './lib/server-process.ts';
import { summary } from './lib/stats.ts';
import { visibleLatencies } from './lib/visible.ts';
// The tests' cuttable TCP proxy: one implementation of "the restaurant's internet drops" for both.
import { startProxy } from '../test/support/proxy.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const samples = option('--samples', 200);
const queued = option('--queued', 1000);
const terminals = option('--terminals', 20);
const print = (label: string, value: unknown) => console.log(`  ${label.padEnd(52)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const until = async (check: () => Promise<boolean>, what: string, timeoutMs = 60_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

const cloud = await startServerProcess('postgres');
const tenant = await benchTenant(cloud, 'Hub bench');
const hubToken = (await request<{ token: string }>(cloud.url, cloud.adminToken, 'POST', `/api/admin/tenants/${tenant.tenantId}/tokens`, { role: 'hub' })).body.token;
await new RawClient(cloud.url, tenant.manager).push([
  ...demoProducts.map((p) => ({ name: 'upsertProduct', args: p })),
  ...demoStations.map((s) => ({ name: 'upsertStation', args: s })),
]);
const link = await startProxy(cloud);
const hub = await startServerProcess('pglite', { HUB_UPSTREAM: link.url, HUB_TOKEN: hubToken });
const hubStatus = async () => (await request<{ upstream: string; pending: number }>(hub.url, tenant.manager, 'GET', '/api/hub/status')).body;

try {
  console.log(`hub bench — ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await until(async () => (await hubStatus()).upstream === 'online', 'the hub to mirror the cloud');

  const viaCloud = await visibleLatencies(cloud.url, tenant.manager, samples);
  print('visible on another terminal, through the cloud (ms)', summary(viaCloud));
  const viaHubOnline = await visibleLatencies(hub.url, tenant.manager, samples);
  print('visible on another terminal, hub online (ms)', summary(viaHubOnline));

  await link.cut();
  const viaHubCut = await visibleLatencies(hub.url, tenant.manager, samples);
  print('visible on another terminal, hub with cloud cut (ms)', summary(viaHubCut));

  const backlog = new RawClient(hub.url, tenant.manager);
  const waiting = (await hubStatus()).pending;
  for (let i = waiting; i < queued; i += 100) {
    const batch = Math.min(100, queued - i);
    await backlog.push(Array.from({ length: batch }, (_, j) => ({ name: 'upsertProduct', args: { id: `q${i + j}`, name: `Queued ${i + j}`, priceCents: 100, stationType: 'grill', prepSeconds: 60 } })));
  }
  const held = (await hubStatus()).pending;
  const restoredAt = Date.now();
  await link.restore();
  await until(async () => (await hubStatus()).pending === 0, 'the drain');
  print(`drain of ${held} queued mutations after reconnect (ms)`, Date.now() - restoredAt);

  const before = rssMb(hub.child.pid as number);
  const sockets = await openMany(terminals, () => openPokeSocket(hub.url, tenant.kitchen, () => undefined));
  for (let i = 0; i < terminals; i += 1) await new RawClient(hub.url, tenant.kitchen).pull(null);
  print(`hub memory, idle → ${terminals} terminals connected and pulled (MB RSS)`, `${before.toFixed(1)} → ${rssMb(hub.child.pid as number).toFixed(1)}`);
  for (const s of sockets) s.close();
} finally {
  await hub.stop();
  await link.close();
  await cloud.stop();
}
