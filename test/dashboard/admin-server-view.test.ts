import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubWorld, type HubWorld } from '../hub/hub-support.ts';
import { axeCounts } from '../kitchen/axe.ts';
import { placeOrder } from '../support/kitchen-fixture.ts';
import { connectedClient } from '../support/replicache-client.ts';
import { api, type TestServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { launchChromium, screenshot } from './helpers/browser.ts';
import { horizontalOverflow } from './helpers/layout.ts';

let world: HubWorld;
let browser: Browser;
beforeAll(async () => {
  world = await startHubWorld('Overview Bistro');
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

async function adminPage(server: TestServer): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.fill('input[name=token]', server.adminToken);
  await page.click('button[type=submit]');
  await page.locator('[aria-label="Health"][data-health="ok"]').waitFor({ timeout: 20_000 });
  return page;
}

const fits = async (page: Page) => {
  const overflow = await horizontalOverflow(page);
  expect(overflow.offenders).toEqual([]);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(390);
  expect((await axeCounts(page)).details).toEqual([]);
};

describe("the admin page opens on the server's view", () => {
  it('health, database, clients per tenant, hub links with their backlog, and rates from /api/metrics — on the cloud and at the hub', async () => {
    const { cloud, hub, tenant, link } = world;
    const atHub = await connectedClient(hub, tenant.managerToken);
    await waitUntil(async () => (await api(cloud, cloud.adminToken, 'GET', '/api/admin/overview')).body.hubLinks.some((h: { connected: boolean }) => h.connected), 15_000, 'the hub linked');

    const cloudPage = await adminPage(cloud);
    await expect.poll(() => cloudPage.locator('[aria-label="Health"]').textContent()).toMatch(/postgres database, answered in [\d.]+ ms/);
    await cloudPage.locator(`[data-hub-link="${tenant.tenantId}"][data-connected="true"]`).waitFor({ timeout: 15_000 });
    await expect.poll(() => cloudPage.locator(`[data-tenant-sockets="${tenant.tenantId}"]`).textContent(), { timeout: 15_000 }).toMatch(/\d+ manager/);
    // Traffic between two samples of /api/metrics shows as a rate.
    for (let i = 0; i < 20; i += 1) await api(cloud, tenant.managerToken, 'GET', '/api/orders');
    await expect.poll(async () => Number(await cloudPage.locator('[data-rate="requests"] dd').textContent()), { timeout: 15_000 }).toBeGreaterThan(0);
    await fits(cloudPage);
    await screenshot(cloudPage, 'admin-server-view-cloud', { fullPage: true });

    await link.cut();
    await placeOrder(atHub.rep, 'while-cut');
    const hubPage = await adminPage(hub);
    await expect.poll(() => hubPage.locator('[data-upstream]').textContent(), { timeout: 15_000 }).toMatch(/Cloud link offline: [1-9]\d* changes waiting/);
    await expect.poll(() => cloudPage.locator(`[data-hub-link="${tenant.tenantId}"]`).getAttribute('data-connected'), { timeout: 15_000 }).toBe('false');
    await fits(hubPage);
    await screenshot(hubPage, 'admin-server-view-hub-cut', { fullPage: true });

    await link.restore();
    await expect.poll(() => hubPage.locator('[data-upstream]').textContent(), { timeout: 20_000 }).toMatch(/Cloud link online: 0 changes waiting/);
    await cloudPage.locator(`[data-hub-link="${tenant.tenantId}"][data-connected="true"]`).waitFor({ timeout: 15_000 });
    await atHub.close();
  }, 180_000);
});
