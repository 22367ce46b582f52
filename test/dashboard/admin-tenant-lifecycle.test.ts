import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from '../kitchen/axe.ts';
import { api, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { launchChromium, screenshot } from './helpers/browser.ts';
import { horizontalOverflow } from './helpers/layout.ts';

const longName = `Trattoria${'Lunghissima'.repeat(18)}`.slice(0, 200);

let server: TestServer;
let browser: Browser;
let bistro: TestTenant;
let long: TestTenant;
beforeAll(async () => {
  server = await startServer();
  bistro = await createTenant(server, 'Harbour Bistro');
  long = await createTenant(server, longName);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function adminPage(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.fill('input[name=token]', server.adminToken);
  await page.click('button[type=submit]');
  await page.locator('.tenant-list').waitFor();
  return { context, page };
}

const select = async (page: Page, tenantId: string) => {
  await page.locator(`.tenant-list [data-tenant-id="${tenantId}"]`).click();
  await page.locator(`.tenant-panel[data-tenant-id="${tenantId}"]`).waitFor();
};

describe('the admin page: rename, export and delete a tenant', () => {
  it('a 200-character name wraps: the page stays as wide as the screen, at 390×844 and 1440×900, and passes axe', async () => {
    expect(longName).toHaveLength(200);
    for (const viewport of [{ width: 390, height: 844 }, { width: 1440, height: 900 }]) {
      const { context, page } = await adminPage(viewport);
      await select(page, long.tenantId);
      const overflow = await horizontalOverflow(page);
      expect(overflow.offenders, `${viewport.width}px`).toEqual([]);
      expect(overflow.scrollWidth, `${viewport.width}px`).toBeLessThanOrEqual(viewport.width);
      const axe = await axeCounts(page);
      expect(axe.details, `${viewport.width}px`).toEqual([]);
      await screenshot(page, `admin-long-name-${viewport.width}`, { fullPage: true });
      await context.close();
    }
  }, 120_000);

  it('renames, exports as one archive, and deletes only after the tenant is named in the confirmation', async () => {
    const { context, page } = await adminPage({ width: 390, height: 844 });
    await select(page, bistro.tenantId);
    const card = page.locator('section[aria-label="Tenant lifecycle"]');
    await card.locator('input').fill('Harbour Bistro & Bar');
    await card.locator('button', { hasText: 'Rename' }).click();
    await page.locator('.tenant-panel h1', { hasText: 'Harbour Bistro & Bar' }).waitFor();
    const listed = await api(server, server.adminToken, 'GET', '/api/admin/tenants');
    expect(listed.body.items.find((t: { id: string }) => t.id === bistro.tenantId).name).toBe('Harbour Bistro & Bar');

    const [download] = await Promise.all([page.waitForEvent('download'), card.locator('button', { hasText: 'Export all data' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^kitchensync-${bistro.tenantId}-\\d{4}-\\d\\d-\\d\\d\\.json$`));
    const archive = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(archive).toMatchObject({ format: 'kitchensync-tenant-export', tenant: { id: bistro.tenantId, name: 'Harbour Bistro & Bar' } });

    await card.locator('button', { hasText: 'Delete tenant' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await expect.poll(() => dialog.locator('h2').textContent()).toBe('Delete Harbour Bistro & Bar?');
    const confirm = dialog.locator('button', { hasText: 'Delete this tenant' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.locator('input').fill('Harbour Bistro');
    expect(await confirm.isDisabled()).toBe(true);
    const axe = await axeCounts(page);
    expect(axe.details).toEqual([]);
    expect((await horizontalOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);
    await screenshot(page, 'admin-delete-confirmation');
    await dialog.locator('button', { hasText: 'Keep it' }).click();
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect((await api(server, bistro.managerToken, 'GET', '/api/orders')).status).toBe(200);

    await card.locator('button', { hasText: 'Delete tenant' }).click();
    await dialog.locator('input').fill('Harbour Bistro & Bar');
    await confirm.click();
    await expect.poll(() => page.locator(`.tenant-list [data-tenant-id="${bistro.tenantId}"]`).count()).toBe(0);
    expect((await api(server, bistro.managerToken, 'GET', '/api/orders')).status).toBe(401);
    expect((await api(server, server.adminToken, 'GET', `/api/admin/tenants/${bistro.tenantId}/export`)).status).toBe(404);
    await context.close();
  }, 120_000);
});
