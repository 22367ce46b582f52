import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';
import type { OrderLineInput } from './manager.ts';
import { fullyVisible, selectTicket, visibleCards } from './visibility.ts';

let world: KitchenWorld;
let party: string;
const partyLines: OrderLineInput[] = [
  { product: 'steak', quantity: 2, modifiers: ['medium rare', 'no butter'], notes: 'SEVERE coeliac – change gloves' },
  ...Array.from({ length: 11 }, (_, i): OrderLineInput => ({
    product: i % 2 ? 'burger' : 'satay',
    quantity: 1 + (i % 3),
    ...(i % 3 === 0 ? { modifiers: ['extra sauce'] } : {}),
    ...(i % 4 === 1 ? { notes: `seat ${i + 1} – sauce on the side` } : {}),
  })),
];

beforeAll(async () => {
  world = await startKitchenWorld();
  // A busy service: 36 open orders of typical size (one to three lines) before the party of eight.
  for (let i = 0; i < 36; i++) {
    const lines: OrderLineInput[] = [{ product: i % 2 ? 'burger' : 'steak', quantity: 1 + (i % 2), ...(i % 3 === 0 ? { modifiers: ['no onion'] } : {}) }];
    if (i % 3 !== 2) lines.push({ product: 'satay', quantity: 1 });
    if (i % 5 === 0) lines.push({ product: 'burger', quantity: 2, notes: 'well done' });
    await world.manager.order(i % 4 === 0 ? 'takeaway' : 'dine_in', lines, `Guest ${i}`, i % 4 === 0 ? {} : { table: String(10 + i), guests: 2 + (i % 4) });
  }
  party = await world.manager.order('dine_in', partyLines, 'Party of 8', { table: '40', guests: 8 });
}, 120_000);
afterAll(async () => world?.stop());

describe.each(screens)('a busy rail at $name', (screen) => {
  it(`shows at least ${screen.width >= 1920 ? 10 : 6} typical tickets on a page, each with every line on screen`, async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    await page.locator('[data-open-count="37"]').waitFor({ timeout: 15_000 });
    // The party of eight sorts first (complexity raises priority): judge a page of typical tickets.
    while ((await page.locator(`article.ticket[data-ticket-id^="${party}."]`).count()) > 0) await page.keyboard.press('j');
    await page.waitForTimeout(300);
    await screenshot(page, `density-${screen.name}`);
    const cards = page.locator('article.ticket');
    const shown = await cards.count();
    expect(await visibleCards(page)).toBe(shown);
    expect(shown).toBeGreaterThanOrEqual(screen.width >= 1920 ? 10 : 6);
    expect((await fullyVisible(page.locator('article.ticket li.item'))).every(Boolean)).toBe(true);
    expect(Number(await page.locator('.rail__pager').getAttribute('data-pages'))).toBeGreaterThan(1);
    const axe = await axeCounts(page);
    expect(axe.details).toEqual([]);

    // Every page of the busy rail, from the first: no card runs off the screen or clips a line.
    for (let i = 0; i < 40; i++) await page.keyboard.press('k');
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const pageNumber = (await page.locator('.rail__pager').getAttribute('data-page')) ?? '';
      if (!seen.has(pageNumber)) {
        seen.add(pageNumber);
        expect((await fullyVisible(page.locator('article.ticket'))).every(Boolean), `page ${pageNumber}`).toBe(true);
      }
      await page.keyboard.press('j');
    }
    expect(seen.size).toBe(Number(await page.locator('.rail__pager').getAttribute('data-pages')));
  });

  it('every line and note of a 12-line ticket is on screen, continued on a second card, and a picked item is shown', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    await page.locator('[data-open-count="37"]').waitFor({ timeout: 15_000 });
    await selectTicket(page, party);
    const parts = card(page, party);
    await screenshot(page, `twelve-lines-${screen.name}`);
    expect(await parts.count()).toBeGreaterThanOrEqual(1);
    const items = parts.locator('li.item');
    expect(await items.count()).toBe(12);
    expect((await fullyVisible(items)).every(Boolean)).toBe(true);
    const note = parts.locator('.item__notes', { hasText: 'SEVERE coeliac – change gloves' });
    expect((await fullyVisible(note)).every(Boolean)).toBe(true);
    expect((await fullyVisible(parts.locator('.item__notes'))).every(Boolean)).toBe(true);
    // Fire by prep time: the 8-minute burger starts 7 minutes after the 15-minute ribeye.
    expect(await parts.locator('li.item', { hasText: 'Burger' }).first().locator('.item__start-at').innerText()).toBe('start at +7:00');
    expect(await parts.locator('li.item', { hasText: 'Ribeye' }).locator('.item__start-at').count()).toBe(0);
    // Too tall for one column at either size: it continues, marked, on the next card.
    const count = await parts.count();
    expect(count).toBeGreaterThan(1);
    expect(await parts.first().locator('.ticket__part').innerText()).toBe(`1/${count}`);
    expect(await parts.first().locator('.ticket__continued').innerText()).toMatch(/continued on 2\/\d/);
    expect(await parts.last().locator('.ticket__continued').innerText()).toMatch(/continued from/);
    expect(await parts.last().locator('.btn--bump').count()).toBe(1);
    expect(await parts.first().locator('.btn--bump').count()).toBe(0);

    await page.keyboard.press('9');
    const picked = page.locator('li.item--picked');
    await picked.waitFor();
    expect(await picked.getAttribute('data-index')).toBe('8');
    expect((await fullyVisible(picked)).every(Boolean)).toBe(true);
    await page.keyboard.press('5');
    await expect.poll(() => page.locator('li.item--picked').getAttribute('data-index')).toBe('4');
    expect((await fullyVisible(page.locator('li.item--picked'))).every(Boolean)).toBe(true);
    // Lines past the ninth: 0 is the tenth, n walks on to the twelfth, on its own card part.
    await page.keyboard.press('0');
    await expect.poll(() => page.locator('li.item--picked').getAttribute('data-index')).toBe('9');
    await page.keyboard.press('n');
    await page.keyboard.press('n');
    await expect.poll(() => page.locator('li.item--picked').getAttribute('data-index')).toBe('11');
    expect((await fullyVisible(page.locator('li.item--picked'))).every(Boolean)).toBe(true);
  });
});
