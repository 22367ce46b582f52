import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { card, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

const pendingCount = (page: Page) => page.locator('.health__pending').getAttribute('data-pending').then(Number);
const level = (page: Page) => page.locator('.health').getAttribute('data-level');

describe('the kitchen screen through a network drop', () => {
  it('keeps working offline, shows it, and converges when the network is back', async () => {
    const { context, page } = await world.openKitchen([world.stations['Grill']!]);
    const orderId = await world.manager.order('dine_in', [{ product: 'burger', quantity: 1 }, { product: 'steak', quantity: 2 }], 'Eve');
    const ticket = card(page, orderId);
    await ticket.waitFor();

    await context.setOffline(true);
    await expect.poll(() => level(page)).toBe('offline');
    // A tap picks a line; the picked line shows its next step.
    await ticket.locator('.item').nth(0).click();
    await ticket.locator('.item').nth(0).locator('.btn--start').click();
    await ticket.locator('.item').nth(1).click();
    await ticket.locator('.item').nth(1).locator('.btn--start').click();
    await ticket.locator('.item').nth(1).locator('.btn--done').click();
    await expect.poll(() => ticket.locator('.item').nth(0).getAttribute('class')).toContain('item--in_progress');
    expect(await ticket.locator('.item').nth(1).getAttribute('class')).toContain('item--done');
    await expect.poll(() => pendingCount(page)).toBe(3);
    // Each ticket a waiting change touches says so.
    expect(await ticket.locator('.badge--unconfirmed').count()).toBe(1);
    expect(await page.locator('.health__headline').innerText()).toContain('OFFLINE');
    await screenshot(page, 'rail-offline');

    await ticket.locator('.btn--bump').click();
    await ticket.waitFor({ state: 'detached' });
    await expect.poll(() => pendingCount(page)).toBe(4);
    expect((await world.manager.tickets(orderId))[0]?.status).toBe('queued');

    await context.setOffline(false);
    await expect.poll(() => level(page), { timeout: 15_000 }).toBe('ok');
    await expect.poll(() => pendingCount(page)).toBe(0);
    const [server] = await world.manager.tickets(orderId);
    expect(server?.status).toBe('ready');
    expect(server?.items.map((i) => i.status)).toEqual(['done', 'done']);
  });

  it('changes the connected server never confirms raise the stuck alarm', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], '?stuckAfterMs=2000');
    const orderId = await world.manager.order('dine_in', [{ product: 'steak', quantity: 1 }], 'Hana');
    const ticket = card(page, orderId);
    await ticket.waitFor();
    // The socket stays up, but every push fails: the queue silently stops draining.
    await page.route('**/api/replicache/push', (route) => route.fulfill({ status: 503, body: 'overloaded' }));
    await ticket.locator('.item').first().click();
    await ticket.locator('.btn--start').first().click();
    await expect.poll(() => level(page), { timeout: 10_000 }).toBe('stuck');
    expect(await page.locator('.health__headline').innerText()).toContain('STUCK');
    expect(await pendingCount(page)).toBe(1);
    await screenshot(page, 'rail-stuck');
    await page.unroute('**/api/replicache/push');
    await expect.poll(() => level(page), { timeout: 20_000 }).toBe('ok');
    expect((await world.manager.tickets(orderId))[0]?.items[0]?.status).toBe('in_progress');
  });

  it('a change the server refused speaks kitchen ("ORDER CANCELLED — stop cooking") and stays until acknowledged', async () => {
    const { context, page } = await world.openKitchen([world.stations['Grill']!, world.stations['Fryer']!]);
    await world.manager.order('delivery', [{ product: 'fries', quantity: 2 }], 'Gus');
    const orderId = await world.manager.order('takeaway', [{ product: 'burger', quantity: 3 }], 'Finn');
    const ticket = card(page, orderId);
    await ticket.waitFor();
    const number = (await ticket.locator('.ticket__number').innerText()).trim();

    await context.setOffline(true);
    await expect.poll(() => level(page)).toBe('offline');
    await ticket.locator('.btn--bump').click();
    await ticket.waitFor({ state: 'detached' });
    await world.manager.cancel(orderId);
    await context.setOffline(false);

    const notice = page.locator('.rejection');
    await notice.waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toContain(number);
    expect(await notice.locator('.rejection__what').innerText()).toBe('ORDER CANCELLED — stop cooking');
    expect(await notice.locator('.rejection__why').innerText()).toMatch(/^Your bump was undone: .*cancelled/);
    await screenshot(page, 'rail-rejection');

    await page.waitForTimeout(1500);
    expect(await notice.count()).toBe(1);
    await notice.locator('button').click();
    await notice.waitFor({ state: 'detached' });
    await expect.poll(() => pendingCount(page)).toBe(0);
    await page.waitForTimeout(500);
    expect(await page.locator('.rejection').count()).toBe(0);
  });
});
