// `pnpm bench kitchen [bumps]` (BENCH_DETAIL=1 prints each bump, BENCH_TRACE=file.json saves Chrome traces of the
// rail's bumps and, as file-expo.json, the hand-offs; `node --import tsx bench/lib/trace-split.ts file.json` splits them): with 300+ open tickets in the kitchen screen's replica, the time
// from a bump keypress to the repainted rail, then on the expo board from a hand-off keypress to
// the repainted board, measured in Debian's Chromium with the renderer's performance marks
// (ks:bump:key → ks:bump:painted). Target: p50 ≤ 8 ms of app work.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { demoProducts, demoStations } from '@kitchensync/shared';
import { chromium, type Page } from 'playwright-core';
import { benchTenant, startServerProcess } from './lib/server-process.ts';
import { percentile } from './lib/stats.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const measured = Number(process.argv[2] ?? 60);
const warmup = 5;
const openTickets = 300;
const seeded = openTickets + warmup + measured;

async function push(url: string, token: string, mutations: { name: string; args: unknown }[]): Promise<void> {
  const clientID = `bench-${Date.now()}`;
  for (let i = 0; i < mutations.length; i += 500) {
    const batch = mutations.slice(i, i + 500).map((m, j) => ({ id: i + j + 1, clientID, name: m.name, args: m.args, timestamp: Date.now() }));
    const res = await fetch(`${url}/api/replicache/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pushVersion: 1, clientGroupID: `${clientID}-g`, profileID: 'bench', schemaVersion: '1', mutations: batch }),
    });
    if (res.status !== 200) throw new Error(`push ${res.status}: ${await res.text()}`);
  }
}

function seedMutations() {
  const now = Date.now();
  const products = ['burger', 'fries', 'salad'];
  const orders = Array.from({ length: seeded }, (_, i) => ({ id: `bench${i}`, product: products[i % 3] as string, at: now - (seeded - i) * 1000 }));
  return [
    // Allergen tickets are locked until acknowledged; the bench bumps without stopping for that.
    ...demoProducts.map((args) => ({ name: 'upsertProduct', args: { ...args, allergens: [] } })),
    ...demoStations.map((args) => ({ name: 'upsertStation', args: { ...args, capacity: 1000 } })),
    ...orders.flatMap((o) => [
      {
        name: 'createOrder',
        args: {
          id: o.id,
          channel: 'dine_in',
          customer: { name: `Guest ${o.id}` },
          items: [{ id: 'l1', productId: o.product, quantity: 1 + (o.at % 3), modifiers: ['no salt'] }],
          at: o.at,
        },
      },
      { name: 'confirmOrder', args: { orderId: o.id, at: o.at } },
    ]),
  ];
}

/** Pulls once as the kitchen would and checks every seeded ticket is there. */
async function verifySeed(url: string, token: string): Promise<void> {
  const res = await fetch(`${url}/api/replicache/pull`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pullVersion: 1, clientGroupID: `verify-${Date.now()}`, profileID: 'bench', schemaVersion: '1', cookie: null }),
  });
  const body = (await res.json()) as { patch?: { op: string; key?: string; value?: { status?: string; code?: string; message?: string } }[] };
  const tickets = (body.patch ?? []).filter((p) => p.key?.startsWith('kitchenOrder/')).length;
  if (tickets !== seeded) {
    const rejections = (body.patch ?? []).filter((p) => p.key?.startsWith('rejection/')).slice(0, 3);
    throw new Error(`seeding made ${tickets} of ${seeded} tickets (pull ${res.status}); ${JSON.stringify(rejections)}`);
  }
}


/** Every process started below `pid` (Chromium's browser, renderer and GPU processes). */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/**
 * A kitchen terminal runs nothing but this screen; the machine benchmarks run on is shared. Chromium
 * therefore gets a raised CPU priority (where permitted), the server the lowest.
 */
function favourBrowser(): number {
  let raised = 0;
  for (const pid of descendants(process.pid)) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').includes('chrom')) {
        os.setPriority(pid, -10);
        raised += 1;
      }
    } catch {
      // not permitted (not root) or gone: measure as is
    }
  }
  return raised;
}

interface Bumps {
  readonly totals: number[];
  readonly work: number[];
  readonly firstFrame: number;
  /** What the screen counts after the last bump. */
  readonly left: number;
}

/** Presses b warm-up + measured times, each time waiting for the count to drop, and reads the marks. */
async function measureBumps(page: Page, countSelector: string, countAttribute: string): Promise<Bumps> {
  const count = async () => Number(await page.locator(countSelector).first().getAttribute(countAttribute));
  const totals: number[] = [];
  const work: number[] = [];
  let firstFrame = 0;
  for (let i = 0; i < warmup + measured; i++) {
    const before = await count();
    await page.keyboard.press('b');
    await page.waitForFunction((n) => performance.getEntriesByName('ks:bump', 'measure').length >= n, i + 1);
    await page.waitForFunction(([sel, attr, n]) => document.querySelector(sel)?.getAttribute(attr) === String(n), [countSelector, countAttribute, before - 1] as const);
    const [key, commit, first, frame, painted] = (await page.evaluate(() =>
      ['ks:bump:key', 'ks:bump:commit', 'ks:bump:first-frame', 'ks:bump:frame', 'ks:bump:painted'].map((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? NaN),
    )) as [number, number, number, number, number];
    // Work: the app's own time (keypress → React commit, then rendering the frame), without the
    // wait for the display's next vsync, which depends only on when in the frame the key came.
    const sample = { total: painted - key, work: commit - key + (painted - frame), inFirstFrame: commit <= first };
    if (process.env.BENCH_DETAIL) console.log(`  bump ${i}: ${JSON.stringify({ ...sample, commit: commit - key, render: painted - frame })}`);
    if (i >= warmup) {
      totals.push(sample.total);
      work.push(sample.work);
      if (sample.inFirstFrame) firstFrame += 1;
    }
    // Let the bump sync (push, poke, pull) before the next one: cooks bump seconds apart.
    await page.waitForTimeout(400);
  }
  return { totals, work, firstFrame, left: await count() };
}

/** What `BENCH_TRACE` records: the main thread's tasks, layout and paint, the marks, and CPU samples (bench/lib/trace-split.ts reads them). */
const traceCategories = ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'disabled-by-default-v8.cpu_profiler'];

function report(title: string, b: Bumps): void {
  const f = (v: number) => `${v.toFixed(1)} ms`;
  const line = (xs: number[]) => `p50 ${f(percentile(xs, 50))}   p95 ${f(percentile(xs, 95))}   max ${f(Math.max(...xs))}`;
  console.log(`
${title}`);
  console.log(`  app work (keypress → commit → frame painted, without vsync wait): ${line(b.work)}   target p50 ≤ 8 ms: ${percentile(b.work, 50) <= 8 ? 'met' : 'NOT met'}`);
  console.log(`  as seen (including the wait for the next vsync):                 ${line(b.totals)}`);
  console.log(`  shown on the first frame after the keypress: ${b.firstFrame}/${b.totals.length}`);
}

/** Ids of the tickets still open, read with one full pull as the kitchen would. */
async function openTicketIds(url: string, token: string): Promise<string[]> {
  const res = await fetch(`${url}/api/replicache/pull`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ pullVersion: 1, clientGroupID: `expo-${Date.now()}`, profileID: 'bench', schemaVersion: '1', cookie: null }),
  });
  const body = (await res.json()) as { patch?: { op: string; key?: string; value?: { id: string; status: string } }[] };
  return (body.patch ?? []).filter((p) => p.key?.startsWith('kitchenOrder/') && ['queued', 'in_progress'].includes(p.value?.status ?? '')).map((p) => p.value!.id);
}

async function main() {
  console.log('building kitchen-app renderer…');
  const build = spawnSync('pnpm', ['--filter', 'kitchen-app', 'build'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('kitchen-app build failed');
  // The server runs in its own process at the lowest CPU priority: on a kitchen terminal it is
  // another machine, and here (two cores) it must not steal the renderer's frames.
  const server = await startServerProcess('pglite');
  if (server.child.pid) os.setPriority(server.child.pid, 19);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const tenant = await benchTenant(server, 'Bench kitchen');
    await push(server.url, tenant.manager, seedMutations());
    await verifySeed(server.url, tenant.kitchen);
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
    const page = await context.newPage();
    const raised = favourBrowser();
    const railCount = async () => Number(await page.locator('[data-open-count]').getAttribute('data-open-count'));
    await page.goto(`${server.url}/kitchen/`);
    await page.fill('input[name=token]', tenant.kitchen);
    await page.click('button[type=submit]');
    // Every station on one rail: the station rail at its busiest (expo is measured below).
    for (const s of demoStations) await page.check(`input[data-station-id="${s.id}"]`);
    await page.click('.setup__actions .btn--big');
    try {
      await page.waitForFunction((n) => document.querySelector('[data-open-count]')?.getAttribute('data-open-count') === String(n), seeded, { timeout: 60_000 });
    } catch (err) {
      console.error(`rail shows ${await railCount()} of ${seeded} tickets`, await page.locator('.health').innerText());
      throw err;
    }
    await page.waitForSelector('.health[data-level="ok"]');
    console.log(`Chromium processes at raised priority: ${raised}`);
    console.log(`rail shows ${seeded} open tickets; bumping ${warmup} (warm-up) + ${measured} (measured)`);

    if (process.env.BENCH_TRACE) await browser.startTracing(page, { categories: traceCategories });
    const rail = await measureBumps(page, '[data-open-count]', 'data-open-count');
    if (process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE, await browser.stopTracing());
    report(`bump keypress → repainted rail (${rail.totals.length} bumps, ${rail.left}–${rail.left + measured} open tickets, ${seeded} in the replica at start)`, rail);

    // Expo: every remaining ticket ready, so every order is "all in"; b hands the selected one off.
    await push(server.url, tenant.manager, (await openTicketIds(server.url, tenant.kitchen)).map((kitchenOrderId) => ({ name: 'bumpKitchenOrder', args: { kitchenOrderId, at: Date.now() } })));
    const expo = await context.newPage();
    await expo.goto(`${server.url}/kitchen/`);
    await expo.click('text=Stations');
    await expo.click('text=Expo — all stations');
    // Orders bumped on the rail above are all in too: every seeded order waits at the pass.
    const orders = seeded;
    await expo.waitForFunction((n) => document.querySelector('[data-order-count]')?.getAttribute('data-order-count') === String(n), orders, { timeout: 60_000 });
    await expo.waitForSelector('.health[data-level="ok"]');
    await expo.waitForSelector('.expo-card .btn--handoff:not([disabled])');
    console.log(`\nexpo shows ${orders} orders, all in; handing off ${warmup} (warm-up) + ${measured} (measured)`);
    if (process.env.BENCH_TRACE) await browser.startTracing(expo, { categories: traceCategories });
    const board = await measureBumps(expo, '[data-order-count]', 'data-order-count');
    if (process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE.replace(/(\.json)?$/, '-expo.json'), await browser.stopTracing());
    report(`hand-off keypress (b) → repainted expo board (${board.totals.length} hand-offs, ${board.left}–${board.left + measured} orders at the pass)`, board);
    console.log(`  machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Chromium ${browser.version()}, Node ${process.version}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
