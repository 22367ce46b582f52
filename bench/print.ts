// `pnpm bench print [--tickets N] [--burst N]`: a one-restaurant server with the print agent
// (PGlite, its own process) and four fake network printers (loopback ESC/POS, this process).
// Fire → first byte at the printer over N tickets across the four printers (fired four at a
// time, one per station); then a burst of tickets to one printer that reads a byte a millisecond:
// time to drain it, and the server's memory meanwhile.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { demoProducts, demoStations, displayNumber, type Order } from '@kitchensync/shared';
import { benchTenant, request, startServerProcess } from './lib/server-process.ts';
import { summary } from './lib/stats.ts';
// The tests' fake printer: one decoder of what the agent sends, for both.
import { FakePrinter } from '../test/print/fake-printer.ts';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const tickets = option('--tickets', 200);
const burst = option('--burst', 100);
const print = (label: string, value: unknown) => console.log(`  ${label.padEnd(58)} ${typeof value === 'string' ? value : JSON.stringify(value)}`);
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const until = async (check: () => boolean, what: string, timeoutMs = 300_000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
};

const server = await startServerProcess('pglite', { PRINT_AGENT: 'on' });
const tenant = await benchTenant(server, 'Print bench');
const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await request<T>(server.url, tenant.manager, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
for (const p of demoProducts) await call('POST', '/api/products', p);
for (const s of demoStations) await call('POST', '/api/kitchen/stations', s);
const printers = await Promise.all(demoStations.map(() => FakePrinter.start()));
for (const [i, s] of demoStations.entries()) {
  const printer = printers[i] as FakePrinter;
  await call('POST', '/api/printers', { id: `p-${s.id}`, name: s.name, host: '127.0.0.1', port: printer.port });
  await call('PUT', `/api/printers/p-${s.id}/assignments`, { role: 'primary', stationId: s.id });
}

/** Creates and confirms an order of one product; resolves with its number and when the confirm was answered (committed). */
async function fire(productId: string): Promise<{ number: string; firedAt: number }> {
  const order = await call<Order>('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Bench' }, items: [{ productId, quantity: 1 }] });
  await call('PUT', `/api/orders/${order.id}/confirm`);
  return { number: displayNumber(order), firedAt: Date.now() };
}

/** When each number's ticket started to arrive, over every printer. */
const firstBytes = () => {
  const at = new Map<string, number>();
  for (const p of printers) p.tickets.forEach((t, i) => at.set(t.find((l) => l.large)?.text ?? '', p.firstByteAt[i] ?? Number.NaN));
  return at;
};
const printed = () => printers.reduce((n, p) => n + p.tickets.length, 0);

try {
  console.log(`print bench — ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  // One of each station's products per round: burger (a grill), fries (fryer), salad (cold line); grills share the load.
  const round = ['burger', 'burger', 'fries', 'salad'];
  await Promise.all(round.map(fire));
  await until(() => printed() === round.length, 'warm-up');
  const fired: { number: string; firedAt: number }[] = [];
  for (let n = 0; n < tickets; n += round.length) {
    fired.push(...(await Promise.all(round.map(fire))));
    await new Promise((r) => setTimeout(r, 100));
  }
  await until(() => printed() === round.length + fired.length, 'every ticket');
  const at = firstBytes();
  const latencies = fired.map((f) => (at.get(f.number) ?? Number.NaN) - f.firedAt);
  const byPrinter = printers.map((p) => p.tickets.length - 1);
  print(`fire → first byte at the printer, ${fired.length} tickets (ms)`, summary(latencies, 1));
  print('tickets per printer (grill 1, grill 2, fryer, cold line)', byPrinter.join(' / '));

  const slow = printers[3] as FakePrinter;
  slow.mode = 'slow';
  const before = rssMb(server.child.pid as number);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid as number))), 100);
  const start = slow.tickets.length;
  const bytesBefore = slow.received;
  const burstAt = Date.now();
  for (let i = 0; i < burst; i += 1) await fire('salad');
  const firedIn = Date.now() - burstAt;
  await until(() => slow.tickets.length === start + burst, 'the burst to drain', 600_000);
  clearInterval(sampler);
  const drained = Date.now() - burstAt;
  const bytes = slow.received - bytesBefore;
  print(`burst of ${burst} tickets to one slow printer (1 byte/ms): fired in (ms)`, firedIn);
  print('  … drained: first fire → last ticket cut (ms)', drained);
  print('  … per ticket (ms)', Number((drained / burst).toFixed(1)));
  print('  … of which the printer reading its bytes (ms, 1 per byte)', bytes);
  print('server memory before → peak during the burst (MB RSS)', `${before.toFixed(1)} → ${peak.toFixed(1)}`);
} finally {
  await server.stop();
  for (const p of printers) await p.close();
}
