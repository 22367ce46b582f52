import type { Order } from '@kitchensync/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from '../kitchen/axe.ts';
import { managerContext, screenshot, waitSynced } from '../dashboard/helpers/browser.ts';
import { horizontalOverflow, reachable } from '../dashboard/helpers/layout.ts';
import { startDashboardWorld, type DashboardWorld } from '../dashboard/helpers/world.ts';
import { api } from '../support/server.ts';
import { FakePrinter } from './fake-printer.ts';

// One server running the print agent, one browser and two fake printers for the whole file; the
// steps build on each other as a manager's evening does: set up the bar printer, then live with it.
let world: DashboardWorld;
let bar: FakePrinter;
let pass: FakePrinter;
beforeAll(async () => {
  world = await startDashboardWorld({ env: { PRINT_AGENT: 'on', PRINT_AGENT_POLL_MS: '50', PRINT_AGENT_TIMEOUT_MS: '1000' } });
  [bar, pass] = await Promise.all([FakePrinter.start(), FakePrinter.start()]);
}, 120_000);
afterAll(async () => {
  await world?.stop();
  await Promise.all([bar?.close(), pass?.close()]);
});

const rest = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
  const res = await api<T>(world.server, world.tenant.managerToken, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A salad for the cold line, confirmed: its ticket goes to the line (and to the line's printer). */
async function fire(quantity = 1): Promise<string> {
  const order = await rest<Order>('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Guest' }, items: [{ productId: 'salad', quantity }] });
  await rest('PUT', `/api/orders/${order.id}/confirm`);
  return world.numberOf(order.id);
}

async function open(path: string, screen: 'phone' | 'desktop'): Promise<Page> {
  const page = await (await managerContext(world.browser, world.tenant.managerToken, screen)).newPage();
  await page.goto(`${world.server.url}${path}`);
  await waitSynced(page);
  return page;
}

/** Nothing sticks out of the viewport and axe finds nothing critical or serious. */
async function expectFitAndAxe(page: Page, name: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  expect(overflow.offenders, `${name}: sticks out`).toEqual([]);
  expect((await axeCounts(page)).details, `${name}: axe`).toEqual([]);
  await screenshot(page, name, { fullPage: true });
}

const bigNumbers = (p: FakePrinter) => p.tickets.map((t) => t.find((l) => l.large && !l.invert)?.text);

describe('printers on the dashboard', () => {
  it('on a phone, a manager adds the bar printer, makes it the cold line’s primary, sees its jobs print and reprints one', async () => {
    const page = await open('/stations', 'phone');
    const panel = page.locator('#printers');
    const add = panel.getByRole('button', { name: 'Add printer' });
    // The page is still laying out the stations above as it opens: reachable once it settles.
    await expect.poll(() => reachable(add)).toBe(true);
    await add.click();
    const form = page.getByRole('form', { name: 'New printer' });
    await form.locator('input[name=name]').fill('Bar');
    await form.locator('input[name=host]').fill('127.0.0.1');
    expect(await form.locator('input[name=port]').inputValue()).toBe('9100');
    await form.locator('input[name=port]').fill(String(bar.port));
    await form.locator('[data-paper="58"]').click();
    await expectFitAndAxe(page, 'phone-printer-new');
    await form.getByRole('button', { name: 'Save printer' }).click();
    const card = page.locator('article[aria-label="Printer Bar"]');
    await card.waitFor();
    expect(await card.locator('.printer-card__head').innerText()).toContain(`127.0.0.1:${bar.port} · 58 mm · cp437`);

    const roles = card.getByRole('form', { name: 'Give Bar a role' });
    await roles.locator('select[name=role]').selectOption('primary');
    await roles.locator('select[name=station]').selectOption('cold-1');
    await roles.getByRole('button', { name: 'Assign' }).click();
    await card.locator('.printer-role[data-role="primary"][data-station-id="cold-1"]').waitFor();

    const number = await fire();
    await card.locator('.print-job[data-status="printed"]', { hasText: number }).waitFor();
    expect(bigNumbers(bar)).toEqual([number]);
    for (const control of await panel.locator('button, select, input').all()) expect(await reachable(control), await control.evaluate((e) => e.outerHTML.slice(0, 80))).toBe(true);
    await expectFitAndAxe(page, 'phone-printers');

    await card.getByRole('button', { name: `Reprint ${number}` }).first().click();
    await expect.poll(() => bar.tickets.length).toBe(2);
    expect(bar.tickets[1]?.map((l) => l.text)).toContain('REPRINT');
    // The reprint's own job (every job row also has a Reprint button, so its text cannot pick it).
    await card.locator('.print-job[data-status="printed"][data-job-id*=".reprint-"]').waitFor();

    await card.getByRole('button', { name: 'Edit' }).click();
    await card.locator('[data-paper="80"]').click();
    await card.getByRole('button', { name: 'Save printer' }).click();
    await expect.poll(() => card.locator('.printer-card__head').innerText()).toContain('80 mm');
    await page.context().close();
  });

  it('paper out: the dashboard and the cold line’s screen say how many tickets wait; after the refill they print in order', async () => {
    const page = await open('/', 'desktop');
    bar.mode = 'paper_out';
    const before = bar.tickets.length;
    const numbers = [await fire(1), await fire(2), await fire(3)];
    const banner = page.locator('[data-banner="printer"][data-printer-id]');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toContain('Printer Bar: paper out — 3 tickets waiting');
    await expectFitAndAxe(page, 'dashboard-printer-paper-out');

    const kitchen = await (await world.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await kitchen.goto(`${world.server.url}/kitchen/`);
    await kitchen.fill('input[name=token]', world.tenant.kitchenToken);
    await kitchen.click('button[type=submit]');
    await kitchen.locator('input[data-station-id="cold-1"]').check();
    await kitchen.click('.setup__actions .btn--big');
    const alert = kitchen.locator('.printer-alert');
    await expect.poll(() => alert.innerText()).toContain('Printer Bar: paper out — 3 tickets waiting');
    expect((await axeCounts(kitchen)).details).toEqual([]);
    await screenshot(kitchen, 'kitchen-printer-paper-out');
    expect(bar.tickets.length).toBe(before);

    bar.mode = 'ok';
    await expect.poll(() => bar.tickets.length, { timeout: 20_000 }).toBe(before + 3);
    expect(bigNumbers(bar).slice(before)).toEqual(numbers);
    await alert.waitFor({ state: 'detached', timeout: 15_000 });
    await banner.waitFor({ state: 'detached' });
    await kitchen.context().close();
    await page.context().close();
  });

  it('an unreachable printer’s job shows failed with the reason, its queue sent to another printer prints there, and its alert ends once it is back', async () => {
    await rest('POST', '/api/printers', { id: 'pass', name: 'Pass', host: '127.0.0.1', port: pass.port });
    const page = await open('/stations', 'desktop');
    await bar.refuse();
    const number = await fire();
    const card = page.locator('article[aria-label="Printer Bar"]');
    const failed = card.locator('.print-job[data-status="failed"]', { hasText: number });
    await failed.waitFor({ timeout: 15_000 });
    expect(await failed.locator('.print-job__failure').innerText()).toBe('connection refused');
    await card.locator('select[name=redirect]').selectOption('pass');
    await expect.poll(() => bigNumbers(pass)).toEqual([number]);
    await page.locator('article[aria-label="Printer Pass"] .print-job[data-status="printed"]', { hasText: number }).waitFor();
    await expect.poll(() => page.locator('[data-banner="printer"]').innerText()).toContain('Printer Bar: not reachable — its tickets print on Pass');
    // Fixed, with nothing left in its queue: the agent asks it again and the alert ends.
    await bar.accept();
    await page.locator('[data-banner="printer"]').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await card.getAttribute('data-condition')).toBe('ok');
    await page.context().close();
  });
});
