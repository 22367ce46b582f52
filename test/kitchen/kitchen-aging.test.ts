import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
  // The grill is fast food here: amber after 2 minutes, red after 4. The fryer keeps 5 and 10.
  await world.manager.setThresholds(world.stations['Grill']!, 2, 4);
});
afterAll(async () => world?.stop());

const tone = (page: Page, orderId: string) => card(page, orderId).locator('.ticket__head').getAttribute('data-tone');

describe.each(screens)('ticket aging at $name', (screen) => {
  it('colours the whole header by minutes since firing against each station’s own thresholds', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!, world.stations['Fryer']!], { viewport: screen });
    // A short ETA (fries) and a long one (ribeye) age alike on their station: the ETA plays no part.
    const steak = await world.manager.order('dine_in', [{ product: 'steak', quantity: 1 }], 'Long');
    const burger = await world.manager.order('dine_in', [{ product: 'burger', quantity: 1 }], 'Short');
    const fries = await world.manager.order('takeaway', [{ product: 'fries', quantity: 1 }], 'Fryer');
    for (const id of [steak, burger, fries]) await card(page, id).waitFor();
    expect(await tone(page, steak)).toBe('ok');
    expect(await tone(page, fries)).toBe('ok');

    // The screen's clock moves on three minutes: past the grill's warn, inside the fryer's.
    await page.clock.install();
    await page.clock.fastForward('03:00');
    await expect.poll(() => tone(page, steak)).toBe('warn');
    expect(await tone(page, burger)).toBe('warn');
    expect(await tone(page, fries)).toBe('ok');
    const header = card(page, steak).locator('.ticket__head');
    expect(await header.evaluate((h) => getComputedStyle(h).backgroundColor)).toBe('rgb(138, 90, 0)');
    await screenshot(page, `aging-warn-${screen.name}`);

    await page.clock.fastForward('03:00');
    await expect.poll(() => tone(page, steak)).toBe('late');
    expect(await tone(page, burger)).toBe('late');
    expect(await tone(page, fries)).toBe('warn');
    await screenshot(page, `aging-late-${screen.name}`);
  });
});
