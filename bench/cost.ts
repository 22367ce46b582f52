// `pnpm bench cost [--orders N]`: what each kind of sync request costs on Postgres, one request at a
// time, for one restaurant's order as the capacity rush makes it (a tablet creates and confirms it;
// six screens pull after each). Per kind: Postgres round trips and statements (counted in this
// process, running the server's own push and pull code), and the CPU a real server process and its
// Postgres backends spent on it (`/proc/<pid>/task/*/schedstat`: nanoseconds on a core, so a
// shared box's queueing does not count), and the wall time of the request.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { demoProducts, demoStations } from '@kitchensync/shared';
import { RawClient } from './lib/raw-client.ts';
import { benchTenant, createDatabase, startServerProcess, type ServerProcess } from './lib/server-process.ts';
import { median } from './lib/stats.ts';
import { roundTrips } from './lib/round-trips.ts';

const argv = process.argv.slice(2);
const orders = Number(argv[argv.indexOf('--orders') + 1] ?? 0) || 200;
const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://kitchensync:kitchensync@127.0.0.1:5432/postgres';

/** Nanoseconds the threads of `pid` have run. */
function cpuNs(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).reduce((sum, tid) => sum + Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]), 0);
  } catch {
    return 0;
  }
}

type Kind = string;

class Meter {
  private readonly samples = new Map<Kind, { server: number[]; pg: number[]; wall: number[]; empty: number }>();
  private backends: number[] = [];
  constructor(
    private readonly serverPid: number,
    private readonly admin: pg.Client,
    private readonly database: string,
  ) {}

  async refreshBackends(): Promise<void> {
    const { rows } = await this.admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [this.database]);
    this.backends = rows.map((r) => r.pid);
  }

  /** Runs `request` alone and books its CPU under `kind`. */
  async time<T>(kind: Kind, request: () => Promise<T>, isEmpty?: (result: T) => boolean): Promise<T> {
    const pgNs = () => this.backends.reduce((sum, pid) => sum + cpuNs(pid), 0);
    const [server0, pg0, wall0] = [cpuNs(this.serverPid), pgNs(), performance.now()];
    const result = await request();
    const wall = performance.now() - wall0;
    const [server1, pg1] = [cpuNs(this.serverPid), pgNs()];
    const s = this.samples.get(kind) ?? { server: [], pg: [], wall: [], empty: 0 };
    s.server.push((server1 - server0) / 1e6);
    s.pg.push((pg1 - pg0) / 1e6);
    s.wall.push(wall);
    if (isEmpty?.(result)) s.empty += 1;
    this.samples.set(kind, s);
    return result;
  }

  report() {
    const mean = (v: number[]) => Number((v.reduce((a, b) => a + b, 0) / v.length).toFixed(3));
    return Object.fromEntries(
      [...this.samples].map(([kind, s]) => [kind, { n: s.wall.length, serverCpuMs: mean(s.server), pgCpuMs: mean(s.pg), wallP50Ms: Number(median(s.wall).toFixed(2)), emptyShare: Number((s.empty / s.wall.length).toFixed(2)) }]),
    );
  }
}

const screens = ['grill', 'fry', 'expo', 'manager', 'tablet', 'tablet'] as const;

/** One restaurant's six screens, each with its own group and cookie. */
async function restaurant(server: ServerProcess) {
  const tenant = await benchTenant(server, 'cost');
  const seeder = new RawClient(server.url, tenant.manager);
  await seeder.push([
    ...demoProducts.map((args) => ({ name: 'upsertProduct', args: { ...args, allergens: [] } })),
    ...demoStations.map((args) => ({ name: 'upsertStation', args: { ...args, capacity: 1000 } })),
  ]);
  return screens.map((role) => ({ role, client: new RawClient(server.url, role === 'manager' || role === 'tablet' ? tenant.manager : tenant.kitchen), cookie: null as unknown }));
}

type Screen = Awaited<ReturnType<typeof restaurant>>[number];
const roleOf = (s: Screen) => (s.role === 'manager' || s.role === 'tablet' ? 'manager' : 'kitchen');

async function pullAll(meter: Meter, all: Screen[], after: string) {
  for (const s of all) {
    const answer = await meter.time(`pull ${roleOf(s)} after ${after}`, () => s.client.pull(s.cookie), (r) => r.patch.length === 0);
    s.cookie = answer.cookie;
  }
}

async function serverCosts() {
  const db = await createDatabase();
  const server = await startServerProcess('postgres', { DATABASE_URL: db.url });
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const all = await restaurant(server);
    const tablet = all[4] as Screen;
    const meter = new Meter(server.child.pid as number, admin, new URL(db.url).pathname.slice(1));
    for (const s of all) s.cookie = (await s.client.pull(null)).cookie;
    const item = demoProducts.slice(0, 3).map((p, i) => ({ id: `l${i + 1}`, productId: p.id, quantity: 1 }));
    // The first 20 orders warm the server up (JIT, prepared statements on each pooled connection).
    const warmUp = new Meter(server.child.pid as number, admin, '');
    for (let n = 0; n < orders + 20; n++) {
      if (n % 20 === 0) await meter.refreshBackends();
      const m = n < 20 ? warmUp : meter;
      const id = `o${n}`;
      await m.time('push createOrder', () => tablet.client.push([{ name: 'createOrder', args: { id, channel: 'dine_in', customer: { name: `T${n}` }, items: item, at: Date.now() } }]));
      await pullAll(m, all, 'createOrder');
      await m.time('push confirmOrder', () => tablet.client.push([{ name: 'confirmOrder', args: { orderId: id, at: Date.now() } }]));
      await pullAll(m, all, 'confirmOrder');
      await m.time('pull unchanged', () => (all[0] as Screen).client.pull((all[0] as Screen).cookie));
    }
    return meter.report();
  } finally {
    await admin.end();
    await server.stop();
    await db.drop();
  }
}

console.log(`kitchensync per-request cost — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('\nround trips / statements per request (in process, Postgres):');
console.table(await roundTrips());
console.log(`\nCPU per request, ${orders} orders one request at a time (ms; server process, its Postgres backends):`);
console.table(await serverCosts());
console.log(`load at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
