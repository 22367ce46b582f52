import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { managerContext, screenshot, waitSynced } from './helpers/browser.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
}, 120_000);
afterAll(async () => world?.stop());

describe('the admin view', () => {
  it('the admin manages tenants and tokens, sees connections and broadcasts; a revoked manager is told at once', async () => {
    // A manager is at work in another browser.
    const issued = await api<{ id: string; token: string }>(world.server, world.server.adminToken, 'POST', `/api/admin/tenants/${world.tenant.tenantId}/tokens`, {
      role: 'manager',
      label: 'floor manager',
    });
    const managerCtx = await managerContext(world.browser, issued.body.token);
    const manager = await managerCtx.newPage();
    await manager.goto(`${world.server.url}/`);
    await waitSynced(manager);

    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/`);
    await page.fill('input[name=token]', world.server.adminToken);
    await page.click('button[type=submit]');
    await page.locator('.tenant-list').waitFor();

    await page.fill('input[aria-label="New tenant name"]', 'Corner Café');
    await page.click('.tenant-list__new button');
    await page.locator('.tenant-panel h1', { hasText: 'Corner Café' }).waitFor();
    await page.locator(`[data-tenant-id="${world.tenant.tenantId}"]`).first().click();
    await page.locator('.tenant-panel h1', { hasText: 'Harbour Bistro' }).waitFor();
    await expect.poll(() => page.locator('[data-connections]').getAttribute('data-connections'), { timeout: 15_000 }).not.toBe('0');

    await page.selectOption('select[aria-label="Role"]', 'kitchen');
    await page.fill('input[aria-label="Label"]', 'Pass tablet');
    await page.click('text=Issue token');
    const secret = await page.locator('[data-issued-token]').getAttribute('data-issued-token');
    expect(secret).toMatch(/^ks_kitchen_/);
    await page.locator('tr', { hasText: 'Pass tablet' }).waitFor();

    await page.fill('textarea', 'Delivery partner outage until 20:00');
    await page.click('text=Send to all devices');
    await page.locator('[role="status"]', { hasText: /Sent to \d+ connected device/ }).waitFor();
    await manager.locator('[data-banner="broadcast"]', { hasText: 'Delivery partner outage until 20:00' }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'admin-view');

    page.on('dialog', (d) => void d.accept());
    await page.locator('tr', { hasText: 'floor manager' }).locator('text=Revoke').click();
    await page.locator('tr', { hasText: 'floor manager' }).locator('text=/revoked/').waitFor();
    await manager.locator('[data-banner="auth-error"]').waitFor({ timeout: 15_000 });
    await manager.click('[data-banner="auth-error"] >> text=Sign in again');
    await manager.locator('input[name=token]').waitFor();
    await context.close();
    await managerCtx.close();
  });
});
