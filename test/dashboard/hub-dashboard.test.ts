import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubWorld, type HubWorld } from '../hub/hub-support.ts';
import { launchChromium, screenshot } from './helpers/browser.ts';
import { openKitchenPage, ticketCard } from './helpers/kitchen-page.ts';

describe('the dashboard served by a restaurant hub cut off from the cloud (Chromium)', () => {
  let world: HubWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await startHubWorld('Hub Dashboard Bistro');
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('signs in with the hub URL, shows "via hub" and the hub’s backlog, and its order reaches a kitchen page on the hub', async () => {
    const { hub, cloud, tenant, link } = world;
    const kitchen = await openKitchenPage(browser, hub.url, tenant.kitchenToken);
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${hub.url}/`);
    await page.fill('input[name=token]', tenant.managerToken);
    // Served by the hub, the sign-in offers the hub as the hub and the hub's cloud as the cloud.
    await page.locator('.sign-in__servers[open]').waitFor({ timeout: 5000 });
    expect(await page.inputValue('input[name=hubUrl]')).toBe(hub.url);
    expect(await page.inputValue('input[name=serverUrl]')).toBe(world.link.url);
    await page.fill('input[name=serverUrl]', cloud.url);
    await page.click('button[type=submit]');
    await page.waitForSelector('.sync-status[data-level="ok"]', { timeout: 15_000 });
    await page.locator('.sync-status__path[data-path="hub"]').waitFor({ timeout: 5000 });
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('kitchensync.dashboard.session') ?? 'null') as unknown);
    expect(session).toMatchObject({ role: 'manager', hubUrl: hub.url, serverUrl: cloud.url });

    await link.cut();
    // Said before the order below is queued (the tab's claim of its order-number code may already wait).
    await page.locator('.sync-status__hub-backlog', { hasText: /^cloud unreachable since \d\d:\d\d/ }).waitFor({ timeout: 5000 });
    await page.click('.app-nav >> text=New order');
    await page.click('[data-product-id="burger"]');
    await page.fill('input[name=customerName]', 'Grace Hopper');
    await page.fill('input[name=customerPhone]', '+44 20 7946 0001');
    await page.click('[data-channel="takeaway"]');
    const started = Date.now();
    await page.click('text=Create & confirm');
    await page.waitForURL(/\/orders\/o-/);
    const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await ticketCard(kitchen, orderId).waitFor({ timeout: 5000 });
    process.stdout.write(`dashboard order on a kitchen page through the hub, cloud cut: ${Date.now() - started} ms\n`);

    expect(await page.locator('.sync-status__path').innerText()).toBe('via hub');
    expect(await page.locator('.sync-status').getAttribute('data-level')).toBe('ok');
    await page.locator('.sync-status__hub-backlog', { hasText: /^cloud unreachable since \d\d:\d\d · \d+ waiting/ }).waitFor({ timeout: 5000 });
    expect(Number(await page.locator('.sync-status__hub-backlog').getAttribute('data-hub-pending'))).toBeGreaterThan(0);
    await screenshot(page, 'dashboard-via-hub');
    expect((await hub.running.hub?.status())?.upstream).toBe('offline');

    // The link returns: the hub drains to the cloud and its backlog leaves the status.
    await link.restore();
    await page.locator('.sync-status__hub-backlog').waitFor({ state: 'detached', timeout: 15_000 });
    const atCloud = await cloud.running.db.query('SELECT id FROM orders WHERE id = $1', [orderId]);
    expect(atCloud.rows).toHaveLength(1);
  }, 90_000);
});
