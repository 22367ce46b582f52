import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

const itemClass = (ticket: Locator, n: number) => ticket.locator('.item').nth(n).getAttribute('class');

/** Font size × area of the element: how much of the card it takes and how big it shouts. */
const loudness = (el: Locator) =>
  el.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.width * r.height * parseFloat(getComputedStyle(e).fontSize);
  });

describe.each(screens)('allergies at $name', (screen) => {
  it('a product’s own allergens inform but do not lock the ticket', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    const orderId = await world.manager.order('online', [{ product: 'satay', quantity: 2 }], 'Jo');
    const ticket = card(page, orderId);
    await ticket.waitFor();
    expect(await ticket.locator('.item__allergens').innerText()).toMatch(/peanuts, soy/);
    expect(await ticket.locator('.guest-allergy').count()).toBe(0);
    await ticket.locator('.item').first().click();
    await ticket.locator('.btn--start').click();
    await expect.poll(() => itemClass(ticket, 0)).toContain('item--in_progress');
  });

  it('a guest allergy locks the ticket, is the loudest thing on the card, and a refused bump says why', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    const orderId = await world.manager.order(
      'dine_in',
      [
        { product: 'burger', quantity: 1, allergy: 'SEVERE coeliac – change gloves' },
        { product: 'steak', quantity: 1 },
      ],
      'Kai',
      { allergy: 'sesame', table: '12', guests: 4 },
    );
    const ticket = card(page, orderId);
    await ticket.waitFor();
    const banner = ticket.locator('.guest-allergy');
    expect(await banner.innerText()).toMatch(/SEVERE coeliac – change gloves/);
    expect(await banner.innerText()).toMatch(/sesame/);
    expect(await ticket.locator('.item__guest-allergy').innerText()).toMatch(/SEVERE coeliac/);
    expect(await ticket.locator('.ticket__table').innerText()).toBe('T12 · 4 guests');
    const others = await ticket.locator('.ticket__meta, .item').all();
    const loudest = await loudness(banner);
    for (const other of others) expect(await loudness(other)).toBeLessThan(loudest);
    // Picked, a line of a locked ticket still offers no Start.
    await ticket.locator('.item').first().click();
    await expect.poll(() => ticket.locator('.item--picked').count()).toBe(1);
    expect(await ticket.locator('.btn--start').count()).toBe(0);
    await screenshot(page, `guest-allergy-${screen.name}`);
    expect((await axeCounts(page)).details).toEqual([]);

    await ticket.locator('.btn--bump').click();
    await expect.poll(() => page.locator('.screen__notice').innerText()).toMatch(/nothing done — acknowledge the GUEST ALLERGY first/);
    await ticket.locator('.ticket__number').click();
    await page.keyboard.press('b');
    await page.keyboard.press('s');
    await page.waitForTimeout(300);
    expect(await itemClass(ticket, 0)).toContain('item--pending');
    expect((await world.manager.tickets(orderId))[0]?.status).toBe('queued');

    await page.keyboard.press('a');
    await ticket.locator('.guest-allergy--acked').waitFor();
    await page.keyboard.press('s');
    await expect.poll(() => itemClass(ticket, 0)).toContain('item--in_progress');
  });
});
