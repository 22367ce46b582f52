import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from '../kitchen/axe.ts';
import { managerContext, screenshot, waitSynced, type Screen } from './helpers/browser.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
}, 120_000);
afterAll(async () => world?.stop());

describe.each<Screen>(['desktop', 'phone'])('the order page rushes an order (%s)', (screen) => {
  it('Rush flags the order for the kitchen, the flag reaches the server, and it can be taken off', async () => {
    const id = `o-rush-${screen}`;
    await world.seedOrders([{ id, channel: 'dine_in', customer: 'In a hurry', items: [{ productId: 'burger', quantity: 1 }], placedMinutesAgo: 3, confirmAfter: 1 }]);
    const context = await managerContext(world.browser, world.tenant.managerToken, screen);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/orders/${id}`);
    await waitSynced(page);
    const card = page.locator('.rush-card');
    await card.getByRole('button', { name: 'Rush' }).click();
    await card.locator('[data-rush="true"], .rush-badge').first().waitFor();
    await expect.poll(async () => (await world.order(id))?.rush, { timeout: 15_000 }).toBe(true);
    const box = await card.getByRole('button').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= (page.viewportSize()?.width ?? 0)).toBe(true);
    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, `order-rush-${screen}`);
    await card.getByRole('button', { name: 'Take RUSH off' }).click();
    await expect.poll(async () => (await world.order(id))?.rush, { timeout: 15_000 }).toBe(false);
    await context.close();
  });
});
