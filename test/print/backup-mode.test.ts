import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserServer, type Page } from 'playwright-core';
import { displayNumber, type Order, type PrintJob } from '@kitchensync/shared';
import { axeCounts } from '../kitchen/axe.ts';
import { managerContext, waitSynced } from '../dashboard/helpers/browser.ts';
import { launchChromium } from '../kitchen/browser.ts';
import { openKitchenPage } from '../kitchen/kitchen-world.ts';
import { ok, seedMenu } from '../api/support/rest.ts';
import { freshPostgresDatabase } from '../support/postgres.ts';
import { backends, createTenant, startServer, type Backend, type TestServer, type TestTenant } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { FakePrinter } from './fake-printer.ts';

const thresholdS = 5;
const agentEnv = { PRINT_AGENT: 'on', PRINT_AGENT_POLL_MS: '100', PRINT_AGENT_TIMEOUT_MS: '1000' };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

interface World {
  /** Where the screens load from and orders are taken. */
  screens: TestServer;
  tenant: TestTenant;
  paper: FakePrinter;
  stop(): Promise<void>;
}

/**
 * On Postgres the screens talk to one server and the print agent runs in another on the same
 * database, as in a cloud behind a load balancer; on PGlite one server does both.
 */
async function boot(backend: Backend): Promise<World> {
  const db = backend === 'postgres' ? await freshPostgresDatabase() : undefined;
  const agent = await startServer(db ? { databaseUrl: db.url, env: agentEnv } : { env: agentEnv });
  const screens = db ? await startServer({ databaseUrl: db.url }) : agent;
  const tenant = await createTenant(screens);
  await seedMenu(screens, tenant.managerToken);
  const paper = await FakePrinter.start();
  return {
    screens,
    tenant,
    paper,
    async stop() {
      if (screens !== agent) await screens.stop();
      await agent.stop();
      await db?.drop();
      await paper.close();
    },
  };
}

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  world = undefined;
});

const m = <T = any>(method: string, path: string, body?: unknown, status = 200) => ok<T>(world!.screens, world!.tenant.managerToken, method, path, body, status);

async function fireFries(): Promise<Order> {
  const order = await m<Order>('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'G' }, items: [{ productId: 'fries', quantity: 1 }] }, 201);
  await m('PUT', `/api/orders/${order.id}/confirm`);
  return order;
}

const openFryer = (on: Browser) => openKitchenPage(on, world!.tenant.kitchenToken, ['fry-1'], { baseUrl: world!.screens.url });
const texts = (ticket: { text: string }[] | undefined) => (ticket ?? []).map((l) => l.text);
const jobsOf = async (orderId: string) => ((await m<{ items: PrintJob[] }>('GET', '/api/print-jobs')).items).filter((j) => j.doc.orderId === orderId);

/** The fryer's screen is open; then the bar printer becomes its backup (a never-seen station would print at once). */
async function fryerWithBackup(on: Browser): Promise<Page> {
  const { page } = await openFryer(on);
  const seen = async () => (await world!.screens.running.db.query(`SELECT 1 FROM station_screens WHERE station_id = 'fry-1'`)).rows.length > 0;
  await waitUntil(seen, 10_000, 'the fryer screen heard');
  await m('POST', '/api/printers', { id: 'bar', name: 'Bar', host: '127.0.0.1', port: world!.paper.port }, 201);
  await m('PUT', '/api/printers/bar/assignments', { role: 'backup', stationId: 'fry-1', backupAfterSeconds: thresholdS });
  return page;
}

describe.each(backends)('backup mode for a dead screen (%s)', (backend) => {
  it.each(['closed', 'killed'] as const)('screen %s: open tickets print once as SCREEN DOWN, new ones at once; back, it stops and says what printed', async (how) => {
    world = await boot(backend);
    const { paper } = world;
    let server: BrowserServer | undefined;
    let doomed = browser;
    if (how === 'killed') {
      server = await chromium.launchServer({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
      doomed = await chromium.connect(server.wsEndpoint());
    }
    const page = await fryerWithBackup(doomed);
    const open = [await fireFries(), await fireFries()];
    await new Promise((r) => setTimeout(r, 1000));
    expect(paper.tickets).toEqual([]);

    const goneAt = Date.now();
    if (server) server.process().kill('SIGKILL');
    else await page.context().close();
    const [batch] = await waitUntil(() => paper.tickets.length >= 1, 20_000, 'the SCREEN DOWN batch').then(() => paper.tickets);
    expect(Date.now() - goneAt).toBeGreaterThanOrEqual(thresholdS * 1000 - 2500);
    expect(batch?.[0]).toMatchObject({ text: 'SCREEN DOWN', large: true, invert: true });
    expect(texts(batch)).toEqual(expect.arrayContaining(['Fryer', ...open.map((o) => displayNumber(o))]));
    expect(texts(batch).filter((t) => t === '1 x Fries')).toHaveLength(2);

    const fired = await fireFries();
    const firedAt = Date.now();
    await waitUntil(() => paper.tickets.length >= 2, 5_000, 'the new ticket');
    expect(Date.now() - firedAt).toBeLessThan(3000);
    expect(texts(paper.tickets[1])).toContain(displayNumber(fired));

    const dashboard = await (await managerContext(browser, world.tenant.managerToken, 'phone')).newPage();
    await dashboard.goto(`${world.screens.url}/stations`);
    await waitSynced(dashboard);
    const mode = dashboard.locator('[data-backup-mode="fry-1"]');
    await mode.waitFor({ timeout: 10_000 });
    expect(await mode.textContent()).toMatch(/^Backup mode: Fryer has no screen since \d\d?:\d\d.*, its tickets print here$/);
    const dashboardAxe = await axeCounts(dashboard);
    expect(dashboardAxe, dashboardAxe.details.join('\n')).toMatchObject({ critical: 0, serious: 0 });

    const back = (await openFryer(browser)).page;
    const notice = back.locator('.screen-down-notice');
    await notice.waitFor({ timeout: 10_000 });
    const numbers = [...open, fired].map((o) => displayNumber(o)).join(', ');
    expect(await notice.textContent()).toContain(`Printed on Bar printer while this screen was down: ${numbers}`);
    const axe = await axeCounts(back);
    expect(axe, axe.details.join('\n')).toMatchObject({ critical: 0, serious: 0 });

    const later = await fireFries();
    expect(await jobsOf(later.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(paper.tickets).toHaveLength(2);
    await back.getByRole('button', { name: 'Got it' }).click();
    await notice.waitFor({ state: 'detached' });
    await mode.waitFor({ state: 'detached' });
    await dashboard.context().close();
    await back.context().close();
    await server?.close().catch(() => undefined);
  }, 150_000);
});
