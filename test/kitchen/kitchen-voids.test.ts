import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

const voidAlarms = (page: Page) => page.locator('.screen').getAttribute('data-void-alarms').then(Number);

describe.each(screens)('tickets ended off the line at $name', (screen) => {
  it('an order cancelled over REST while its ticket cooks shows a VOID card within a second, until a cook acknowledges it', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    const orderId = await world.manager.order('dine_in', [{ product: 'steak', quantity: 2 }], 'Vic', { table: '7', guests: 2 });
    const ticket = card(page, orderId);
    await ticket.waitFor();
    const [kitchenOrder] = await world.manager.tickets(orderId);
    await world.manager.startItem(kitchenOrder!.id, kitchenOrder!.items[0]!.id);
    await expect.poll(() => ticket.locator('.item').first().getAttribute('class')).toContain('item--in_progress');

    const alarmsBefore = await voidAlarms(page);
    const cancelled = Date.now();
    await world.manager.cancel(orderId, 'guest walked out');
    await ticket.locator('.void').waitFor({ timeout: 1000 });
    expect(Date.now() - cancelled).toBeLessThan(1000);
    expect(await ticket.getAttribute('class')).toContain('ticket--void');
    expect(await ticket.locator('.void__word').innerText()).toBe('VOID');
    expect(await ticket.locator('.void__headline').innerText()).toMatch(/ORDER CANCELLED — stop cooking/i);
    expect(await ticket.locator('.void__reason').innerText()).toContain('guest walked out');
    await expect.poll(() => voidAlarms(page)).toBe(alarmsBefore + 1);
    await screenshot(page, `void-${screen.name}`);
    expect((await axeCounts(page)).details).toEqual([]);

    // It does not leave on its own.
    await page.waitForTimeout(2500);
    expect(await ticket.count()).toBe(1);
    await ticket.locator('.btn--void').click();
    await ticket.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('.health[data-level="ok"]').waitFor();
    await page.waitForTimeout(500);
    expect(await ticket.count()).toBe(0);
  });

  it('a ticket the manager marked ready by hand says so until acknowledged with the a key', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    const orderId = await world.manager.order('takeaway', [{ product: 'burger', quantity: 1 }], 'Mo');
    const ticket = card(page, orderId);
    await ticket.waitFor();
    const [kitchenOrder] = await world.manager.tickets(orderId);
    await world.manager.startItem(kitchenOrder!.id, kitchenOrder!.items[0]!.id);
    await world.manager.markReady(orderId);
    await ticket.locator('.void--marked_ready').waitFor({ timeout: 2000 });
    expect(await ticket.locator('.void__headline').innerText()).toMatch(/marked ready by the manager/i);
    await screenshot(page, `marked-ready-${screen.name}`);
    await ticket.click();
    await page.keyboard.press('a');
    await ticket.waitFor({ state: 'detached' });
  });
});
