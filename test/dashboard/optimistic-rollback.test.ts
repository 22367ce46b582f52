import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { connectedClient } from '../support/replicache-client.ts';
import { managerContext, screenshot, waitSynced } from './helpers/browser.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
}, 120_000);
afterAll(async () => world?.stop());

const card = (orderId: string) => `[data-order-id="${orderId}"]`;

describe('optimistic actions on the board', () => {
  it('a confirm made offline on an order another manager cancelled rolls back, saying why', async () => {
    const issued = await api<{ token: string }>(world.server, world.server.adminToken, 'POST', `/api/admin/tenants/${world.tenant.tenantId}/tokens`, {
      role: 'manager',
      label: 'second manager',
    });
    const other = await connectedClient(world.server, issued.body.token);
    const orderId = `o-conflict-${Date.now().toString(36)}`;
    await other.rep.mutate.createOrder({ id: orderId, channel: 'dine_in', customer: { name: 'Table 12' }, items: [{ id: 'l1', productId: 'salad', quantity: 1 }], at: Date.now() });

    const context = await managerContext(world.browser, world.tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/`);
    await waitSynced(page);
    await page.locator(`[data-column="draft"] ${card(orderId)}`).waitFor({ timeout: 10_000 });

    await context.setOffline(true);
    await page.locator('[data-banner="offline"]').waitFor();
    const started = Date.now();
    await page.click(`${card(orderId)} [data-move="confirmed"]`);
    // Instant: the card moves before any server could answer (there is none).
    await page.locator(`[data-column="confirmed"] ${card(orderId)}`).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    await page.locator('.sync-status__pending[data-pending="1"]').waitFor();
    expect(await page.locator('[data-banner="offline"]').innerText()).toMatch(/1 change will be sent/);

    await other.rep.mutate.cancelOrder({ orderId, reason: 'Guest called to cancel', at: Date.now() });
    await expect.poll(async () => (await other.rep.experimentalPendingMutations()).length, { timeout: 10_000 }).toBe(0);

    await context.setOffline(false);
    const notice = page.locator('[data-rejection="confirmOrder"]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.innerText()).toContain(`Confirming order ${await world.numberOf(orderId)} was undone`);
    expect(await notice.innerText()).toMatch(/already “Cancelled”/);
    await page.locator(`[data-column="done"] ${card(orderId)}[data-status="cancelled"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator(`[data-column="confirmed"] ${card(orderId)}`).count()).toBe(0);
    expect(await page.locator(`${card(orderId)} .order-card__reason`).innerText()).toContain('Guest called to cancel');
    await page.locator('.sync-status__pending[data-pending="0"]').waitFor();
    await screenshot(page, 'dashboard-rollback');

    // The notice links to the order and goes away for good once dismissed.
    await notice.locator('text=Dismiss').click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await waitSynced(page);
    await page.locator(card(orderId)).waitFor();
    expect(await page.locator('[data-rejection]').count()).toBe(0);

    await other.close();
    await context.close();
  });

  it('a confirm the replica already refuses (no station for the dish) changes nothing and says why at once', async () => {
    const orderId = `o-local-${Date.now().toString(36)}`;
    await world.manager.rep.mutate.createOrder({ id: orderId, channel: 'takeaway', customer: { name: 'Walk-in' }, items: [{ id: 'l1', productId: 'salad', quantity: 1 }], at: Date.now() });
    await world.settle();
    const context = await managerContext(world.browser, world.tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/stations`);
    await waitSynced(page);
    const cold = page.locator('[data-station-id="cold-1"]');
    await cold.locator('text=Switch off').click();
    await cold.locator('text=Switch on').waitFor();

    await page.click('.app-nav >> text=Orders');
    await page.click(`${card(orderId)} [data-move="confirmed"]`);
    await page.getByRole('alert').filter({ hasText: 'no active station for cold' }).waitFor();
    expect(await page.locator(card(orderId)).getAttribute('data-status')).toBe('draft');
    await page.locator('.sync-status__pending[data-pending="0"]').waitFor();
    expect((await world.order(orderId))?.status).toBe('draft');

    await page.click('.app-nav >> text=Kitchen');
    await cold.locator('text=Switch on').click();
    await page.click('.app-nav >> text=Orders');
    await page.click(`${card(orderId)} [data-move="confirmed"]`);
    await page.locator(`[data-column="confirmed"] ${card(orderId)}`).waitFor();
    await expect.poll(async () => (await world.order(orderId))?.status, { timeout: 10_000 }).toBe('confirmed');
    await context.close();
  });
});
