import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

const phone = { width: 390, height: 844 };

describe('the kitchen screen on a phone (390×844)', () => {
  it('shows a ticket whole, without sideways scrolling, and passes axe', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: phone });
    const orderId = await world.manager.order('dine_in', [{ product: 'burger', quantity: 2 }, { product: 'steak', quantity: 1 }], 'Ana');
    const ticket = card(page, orderId);
    await ticket.waitFor();
    await screenshot(page, 'rail-390x844');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await ticket.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect((await axeCounts(page)).details).toEqual([]);
  });

  it('the expo board fits too', async () => {
    const { page } = await world.openKitchen('all', { viewport: phone });
    const orderId = await world.manager.order('takeaway', [{ product: 'burger', quantity: 1 }, { product: 'fries', quantity: 1 }], 'Bo');
    await page.locator(`[data-order-id="${orderId}"]`).first().waitFor();
    await screenshot(page, 'expo-390x844');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect((await axeCounts(page)).details).toEqual([]);
  });

  it('sign-in and station choice fit', async () => {
    const context = await world.browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/kitchen/`);
    for (const step of ['sign-in', 'stations']) {
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), step).toBeLessThanOrEqual(390);
      expect((await axeCounts(page)).details, step).toEqual([]);
      if (step === 'sign-in') {
        await page.fill('input[name=token]', world.tenant.kitchenToken);
        await page.click('button[type=submit]');
        await page.locator('.setup__actions').waitFor();
      }
    }
    await screenshot(page, 'setup-390x844');
    await context.close();
  });
});
