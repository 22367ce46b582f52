import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

const chimes = (page: Page) => page.locator('.screen').getAttribute('data-chimes').then(Number);

describe.each(screens)('new tickets at $name', (screen) => {
  it('what was waiting when the screen opened (or reloaded) is not new and does not chime; a real arrival chimes once', async () => {
    const waiting = await world.manager.order('dine_in', [{ product: 'burger', quantity: 1 }], 'Early');
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    await card(page, waiting).waitFor();
    await page.waitForTimeout(800);
    expect(await page.locator('.badge--new').count()).toBe(0);
    expect(await chimes(page)).toBe(0);
    await page.reload();
    await card(page, waiting).waitFor();
    await page.waitForTimeout(800);
    expect(await page.locator('.badge--new').count()).toBe(0);
    expect(await chimes(page)).toBe(0);

    const fresh = await world.manager.order('takeaway', [{ product: 'steak', quantity: 1 }], 'Fresh');
    await card(page, fresh).locator('.badge--new').waitFor({ timeout: 2000 });
    await expect.poll(() => chimes(page)).toBe(1);
    expect(await card(page, waiting).locator('.badge--new').count()).toBe(0);
    await screenshot(page, `arrival-${screen.name}`);
    // The first touch clears it.
    await card(page, fresh).locator('.ticket__number').click();
    await card(page, fresh).locator('.badge--new').waitFor({ state: 'detached' });
    expect(await chimes(page)).toBe(1);
  });

  it('an untouched NEW badge clears by itself after a short while', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    const fresh = await world.manager.order('dine_in', [{ product: 'burger', quantity: 2 }], 'Later');
    await card(page, fresh).locator('.badge--new').waitFor({ timeout: 2000 });
    await card(page, fresh).locator('.badge--new').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await chimes(page)).toBe(1);
  });
});
