import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

describe('the kitchen screen on a phone (390×844)', () => {
  it('shows a ticket whole, without sideways scrolling, and passes axe', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: { width: 390, height: 844 } });
    const orderId = await world.manager.order('dine_in', [{ product: 'burger', quantity: 2 }, { product: 'steak', quantity: 1 }], 'Ana');
    const ticket = card(page, orderId);
    await ticket.waitFor();
    await screenshot(page, 'rail-390x844');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await ticket.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    expect((await axeCounts(page)).details).toEqual([]);
  });
});
