import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from '../kitchen/axe.ts';
import { phoneContext, screenshot, type Screen } from './helpers/browser.ts';
import { horizontalOverflow, reachable } from './helpers/layout.ts';
import { backgroundOrders, managerPage, startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  await world.seedOrders(backgroundOrders);
}, 120_000);
afterAll(async () => world?.stop());

const axeLog: Record<string, string> = {};

/** The page fits its width, and axe finds nothing critical or serious; a screenshot is kept. */
async function checkPage(page: Page, name: string) {
  const overflow = await horizontalOverflow(page);
  expect(overflow.offenders, `${name}: sticks out`).toEqual([]);
  expect(overflow.scrollWidth, `${name}: scroll width`).toBeLessThanOrEqual(overflow.viewport);
  const axe = await axeCounts(page);
  axeLog[name] = `${axe.critical} critical, ${axe.serious} serious`;
  expect(axe.details, `${name}: axe`).toEqual([]);
  await screenshot(page, name, { fullPage: true });
}

const open = (screen: Screen, path: string): Promise<Page> => managerPage(world, screen, path);

describe('the dashboard on a phone (390×844)', () => {
  it('the board is one column at a time, switched by status tabs; late orders say by how much', async () => {
    const page = await open('phone', '/');
    await page.locator('[data-order-id="seed-h8d3"]').waitFor({ state: 'attached' });
    // The first busy column is shown; the others are one tap away.
    const visibleColumns = () => page.locator('.board-column').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.getAttribute('data-column')));
    expect(await visibleColumns()).toEqual(['draft']);
    await checkPage(page, 'phone-board');
    const readyTab = page.locator('.board-tabs__tab[data-column="ready"]');
    expect(await reachable(readyTab)).toBe(true);
    await readyTab.click();
    expect(await visibleColumns()).toEqual(['ready']);
    await page.locator('.board-tabs__tab[data-column="in_preparation"]').click();
    // seed-g4c1 was placed 12 minutes ago and its kitchen ETA has passed.
    const late = page.locator('[data-order-id="seed-g4c1"] [data-late-minutes]');
    await late.waitFor();
    expect(Number(await late.getAttribute('data-late-minutes'))).toBeGreaterThan(0);
    expect(await reachable(page.locator('[data-order-id="seed-g4c1"] .action-bar .btn').first())).toBe(true);
    await screenshot(page, 'phone-board-in-preparation');
    await page.context().close();
  });

  it('a whole order is placed: menu first, the cart sticks to the bottom, and it goes through', async () => {
    const page = await open('phone', '/orders/new');
    await page.locator('[data-product-id="fries"]').waitFor();
    await checkPage(page, 'phone-new-order');
    await page.click('[data-product-id="fries"]');
    await page.click('[data-product-id="burger"]');
    // Deep in the menu, the cart bar still says what is in the order and leads to it.
    await page.locator('[data-product-id="brownie"]').scrollIntoViewIfNeeded();
    const bar = page.locator('.cart-bar');
    expect(await reachable(bar.locator('a, button').first())).toBe(true);
    expect(await bar.innerText()).toMatch(/2 items/);
    await bar.locator('a, button').first().click();
    await page.fill('input[name=customerName]', 'Phone Customer');
    await page.click('[data-channel="takeaway"]');
    await checkPage(page, 'phone-new-order-cart');
    const confirm = page.getByRole('button', { name: 'Create & confirm' });
    expect(await reachable(confirm)).toBe(true);
    await confirm.click();
    await page.waitForURL(/\/orders\/o-/);
    await page.locator('.order-detail[data-status="confirmed"]').waitFor();
    await page.locator('[data-tracking-url]').waitFor({ timeout: 15_000 });
    await checkPage(page, 'phone-order-detail');
    // The order's next moves and the customer's link are in reach on the phone.
    expect(await reachable(page.locator('.order-detail .page-head .action-bar .btn').first())).toBe(true);
    expect(await reachable(page.locator('[data-tracking-url]'))).toBe(true);
    await page.context().close();
  });

  it('stations, statistics, menu and the restaurant page fit, with their main actions in reach', async () => {
    const page = await open('phone', '/stations');
    await page.locator('.station-card').first().waitFor();
    await checkPage(page, 'phone-stations');
    expect(await reachable(page.getByRole('button', { name: /Add (a )?station/ }))).toBe(true);

    await page.goto(`${world.server.url}/stats`);
    await page.locator('.kpi-cards, .kpi').first().waitFor();
    await checkPage(page, 'phone-stats');
    expect(await reachable(page.locator('.range-picker .segmented__option').last())).toBe(true);

    await page.goto(`${world.server.url}/menu`);
    await page.locator('.product-table, table').first().waitFor();
    await checkPage(page, 'phone-menu');

    await page.goto(`${world.server.url}/restaurant`);
    await page.locator('input[name=restaurantPhone]').waitFor();
    await checkPage(page, 'phone-restaurant');
    // Every page is in the navigation, none cut off.
    for (const link of await page.locator('.app-nav a').all()) expect(await reachable(link), await link.innerText()).toBe(true);
    await page.context().close();
  });

  it('the sign-in page and the admin view fit too', async () => {
    const phone = await phoneContext(world.browser);
    const page = await phone.newPage();
    await page.goto(`${world.server.url}/`);
    await page.locator('input[name=token]').waitFor();
    await checkPage(page, 'phone-sign-in');
    await page.fill('input[name=token]', world.server.adminToken);
    await page.click('button[type=submit]');
    await page.locator('.tenant-list').waitFor();
    await page.locator(`[data-tenant-id="${world.tenant.tenantId}"]`).first().click();
    await page.locator('.tenant-panel h1', { hasText: 'Harbour Bistro' }).waitFor();
    await checkPage(page, 'phone-admin');
    await phone.close();
  });

  it('the tracker shows the restaurant, its phone, and an honest ETA for a late order', async () => {
    const res = await fetch(`${world.server.url}/api/tenant/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${world.tenant.managerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '020 7946 0000' }),
    });
    expect(res.status).toBe(200);
    const order = await world.order('seed-h8d3');
    const phone = await phoneContext(world.browser);
    const page = await phone.newPage();
    await page.goto(`${world.server.url}/track/${order?.trackingToken ?? ''}`);
    await page.locator('[data-tracker="order"]').waitFor();
    await page.locator('[data-tracker="restaurant"]').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('Harbour Bistro');
    expect(text).toContain(await world.numberOf('seed-h8d3'));
    // Placed 6 minutes ago, confirmed, not started: either still on time or honestly late.
    const eta = await page.locator('.tracker__eta').getAttribute('data-eta');
    expect(['minutes', 'late', 'any-minute']).toContain(eta);
    if (eta === 'late') expect(text).toMatch(/Running \d+ min late .* not started/);
    expect(await page.locator('a[href^="tel:"]').count()).toBe(1);
    await checkPage(page, 'phone-tracker');
    await phone.close();
  });
});

describe('the same pages at 768 and 1440 px', () => {
  for (const screen of ['tablet', 'desktop'] as const) {
    it(`nothing sticks out at ${screen} width, and axe finds nothing critical or serious`, async () => {
      const page = await open(screen, '/');
      for (const [path, ready] of [
        ['/', '[data-order-id="seed-h8d3"]'],
        ['/orders/new', '[data-product-id="fries"]'],
        ['/orders/seed-g4c1', '.order-detail'],
        ['/stations', '.station-card'],
        ['/stats', '.kpi-cards, .kpi'],
        ['/menu', 'table'],
        ['/restaurant', 'input[name=restaurantPhone]'],
      ] as const) {
        await page.goto(`${world.server.url}${path}`);
        await page.locator(ready).first().waitFor({ state: 'attached' });
        const overflow = await horizontalOverflow(page);
        expect(overflow.offenders, `${screen} ${path}`).toEqual([]);
        expect(overflow.scrollWidth, `${screen} ${path}`).toBeLessThanOrEqual(overflow.viewport);
        const axe = await axeCounts(page);
        axeLog[`${screen} ${path}`] = `${axe.critical} critical, ${axe.serious} serious`;
        expect(axe.details, `${screen} ${path}: axe`).toEqual([]);
        await screenshot(page, `${screen}${path.replace(/\//g, '-')}`, { fullPage: true });
      }
      await page.context().close();
    });
  }

  afterAll(() => console.info(`axe per page: ${JSON.stringify(axeLog)}`));
});
