import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

const selectedId = (page: Page) => page.locator('article.ticket[data-selected="true"]').first().getAttribute('data-ticket-id');
const itemClass = (page: Page, orderId: string, n: number) => card(page, orderId).locator('.item').nth(n).getAttribute('class');

describe('operating the kitchen screen from the bump bar', () => {
  it('keyboard alone moves to a ticket, works its items and bumps it', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!]);
    const first = await world.manager.order('dine_in', [{ product: 'burger', quantity: 1 }], 'Hal');
    const second = await world.manager.order('takeaway', [{ product: 'steak', quantity: 1 }, { product: 'burger', quantity: 2 }], 'Ivy');
    await card(page, second).waitFor();
    await card(page, first).waitFor();
    const order = await page.locator('article.ticket').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')));
    expect(order.map((id) => id?.split('.')[0])).toEqual([first, second]);

    await page.keyboard.press('j');
    await expect.poll(() => selectedId(page)).toMatch(new RegExp(`^${second}\\.`));
    await page.keyboard.press('2');
    await page.keyboard.press('s');
    await expect.poll(() => itemClass(page, second, 1)).toContain('item--in_progress');
    await page.keyboard.press('d');
    await expect.poll(() => itemClass(page, second, 1)).toContain('item--done');
    await page.keyboard.press('b');
    await card(page, second).waitFor({ state: 'detached' });
    await expect.poll(async () => (await world.manager.tickets(second))[0]?.status).toBe('ready');
    await expect.poll(() => selectedId(page)).toMatch(new RegExp(`^${first}\\.`));
  });

  it('recall brings back any ticket bumped today, even from another station', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!]);
    const older = await world.manager.order('delivery', [{ product: 'fries', quantity: 2 }], 'Kim');
    const newer = await world.manager.order('delivery', [{ product: 'fries', quantity: 1 }], 'Lou');
    const [olderTicket] = await world.manager.tickets(older);
    const [newerTicket] = await world.manager.tickets(newer);
    expect(olderTicket?.stationId).toBe(world.stations['Fryer']);
    await world.manager.bump(olderTicket!.id);
    await world.manager.bump(newerTicket!.id);

    await page.keyboard.press('r');
    const drawer = page.locator('.drawer');
    await drawer.waitFor();
    await expect.poll(() => drawer.locator(`[data-ticket-id="${olderTicket!.id}"]`).count()).toBe(1);
    const rows = await drawer.locator('.bumped').evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')));
    const index = rows.indexOf(olderTicket!.id);
    expect(index).toBeGreaterThan(rows.indexOf(newerTicket!.id));
    expect(await drawer.locator(`[data-ticket-id="${olderTicket!.id}"] .bumped__station`).innerText()).toBe('Fryer');
    for (let i = 0; i < index; i++) await page.keyboard.press('j');
    await screenshot(page, 'recall-drawer');
    expect((await axeCounts(page)).details).toEqual([]);
    await page.keyboard.press('Enter');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(async () => (await world.manager.tickets(older))[0]?.status).toBe('in_progress');
    expect((await world.manager.tickets(newer))[0]?.status).toBe('ready');
  });
});
