import { demoModifierProducts, type Choice } from '@kitchensync/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
  const ribeye = { ...demoModifierProducts[0], course: 1 };
  expect((await api(world.server, world.tenant.managerToken, 'POST', '/api/products', ribeye)).status).toBe(201);
});
afterAll(async () => world?.stop());

const temp = (optionId: string): Choice => ({ groupId: 'temp', optionId });
const addOn = (optionId: string): Choice => ({ groupId: 'addons', optionId });
const soldOut = (optionId: string, out: boolean) =>
  api(world.server, world.tenant.managerToken, 'PUT', `/api/products/ribeye/modifier-groups/temp/options/${optionId}/sold-out`, { soldOut: out });

describe.each(screens)('chosen options on the rail at $name', (screen) => {
  it("each line shows its options under it, ALL DAY splits the ribeyes by temperature, and an 86'd option shows on the line and in the split", async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    const lines = [
      { product: 'ribeye', quantity: 2, choices: [temp('medium-rare'), addOn('bacon')] },
      { product: 'ribeye', quantity: 1, choices: [temp('well-done'), addOn('cheese'), addOn('egg')], modifiers: ['no salt'] },
    ];
    const orderId = await world.manager.order('dine_in', lines, 'Table 7', { table: '7' });
    try {
      await expectOptionsShown(page, orderId, screen.name);
    } finally {
      await world.manager.cancel(orderId);
    }
  });
});

/** The ticket's lines, ALL DAY's split, and an 86'd temperature on the strip, in ALL DAY and inside the split; the page is the Grill's. */
async function expectOptionsShown(page: Page, orderId: string, name: string) {
  const ticket = card(page, orderId);
  await ticket.waitFor();
  const lines = ticket.locator('.item', { hasText: 'Ribeye' });
  expect(await lines.count()).toBe(2);
  expect(await lines.nth(0).locator('.item__mods li').allInnerTexts()).toEqual(['Medium rare', 'Bacon']);
  expect(await lines.nth(1).locator('.item__mods li').allInnerTexts()).toEqual(['Well done', 'Cheese', 'Fried egg', 'no salt']);

  const allDay = page.locator('aside.all-day li[data-product-id="ribeye"]');
  expect(await allDay.locator('.all-day__qty').innerText()).toBe('3');
  expect(await allDay.locator('[data-splits]').innerText()).toBe('2 Medium rare · 1 Well done');
  // The panel is narrow: a split may wrap between counts, never inside one ("2 Medium / rare").
  for (const split of await allDay.locator('.all-day__split').all()) {
    expect(await split.evaluate((e) => new Set([...e.getClientRects()].map((r) => Math.round(r.top))).size)).toBe(1);
  }

  expect((await soldOut('rare', true)).status).toBe(200);
  const strip = page.locator('.sold-out-strip');
  const rare = strip.locator('[data-sold-out="ribeye/temp/rare"]');
  await rare.waitFor({ timeout: 10_000 });
  expect(await rare.innerText()).toBe('Ribeye: Rare');
  expect(await page.locator('aside.all-day .all-day__86 [data-sold-out="ribeye/temp/rare"] .all-day__name').innerText()).toBe('Ribeye: Rare');
  expect(await allDay.locator('.all-day__qty').innerText()).toBe('3');

  // An 86'd option on the tickets is marked inside its product's split, where the cook plans by it.
  expect((await soldOut('well-done', true)).status).toBe(200);
  await expect.poll(() => allDay.locator('[data-splits]').innerText(), { timeout: 10_000 }).toBe("2 Medium rare · 1 Well done 86'd");
  const marker = allDay.locator('.all-day__split-86');
  expect(await marker.count()).toBe(1);
  expect(await marker.isVisible()).toBe(true);
  expect(await marker.evaluate((e) => e.previousElementSibling?.textContent)).toBe('1 Well done');
  // The marker may wrap under its count in the narrow panel, but nothing scrolls sideways or hides under its edge.
  expect(await page.locator('aside.all-day').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await screenshot(page, `options-${name}`);
  expect((await axeCounts(page)).details).toEqual([]);
  expect((await soldOut('rare', false)).status).toBe(200);
  expect((await soldOut('well-done', false)).status).toBe(200);
  await expect.poll(() => strip.count()).toBe(0);
}
