import type { Order } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

const orderStatus = async (orderId: string) =>
  (await api<Order>(world.server, world.tenant.managerToken, 'GET', `/api/orders/${orderId}`)).body.status;

describe.each(screens)('expo at $name', (screen) => {
  it('shows one card per order with each station’s progress, says "all in" and hands the order off', async () => {
    const { page } = await world.openKitchen('all', { viewport: screen });
    const orderId = await world.manager.order('dine_in', [{ product: 'burger', quantity: 2 }, { product: 'fries', quantity: 2 }], 'Ana', { table: '5', guests: 2 });
    const expo = page.locator(`.expo-card[data-order-id="${orderId}"]`);
    await expo.waitFor();
    expect(await page.locator(`.expo-card[data-order-id="${orderId}"]`).count()).toBe(1);
    expect(await page.locator('article.ticket').count()).toBe(0);
    expect(await expo.locator('.progress').count()).toBe(2);
    expect(await expo.locator('.ticket__table').innerText()).toBe('T5 · 2 guests');
    const handOff = expo.locator('.btn--handoff');
    expect(await handOff.innerText()).toBe('Served');
    expect(await handOff.isDisabled()).toBe(true);

    const tickets = await world.manager.tickets(orderId);
    const grill = tickets.find((t) => t.stationId === world.stations['Grill'])!;
    const fryer = tickets.find((t) => t.stationId === world.stations['Fryer'])!;
    await world.manager.bump(grill.id);
    await expo.locator(`.progress[data-station-id="${grill.stationId}"][data-status="ready"]`).waitFor();
    expect(await expo.locator('.expo-card__all-in').count()).toBe(0);
    await screenshot(page, `expo-progress-${screen.name}`);
    expect((await axeCounts(page)).details).toEqual([]);

    await world.manager.bump(fryer.id);
    await expo.locator('.expo-card__all-in').waitFor();
    expect(await expo.locator('.expo-card__all-in').innerText()).toMatch(/ALL IN — ready to serve/);
    await expect.poll(() => handOff.isDisabled()).toBe(false);
    await screenshot(page, `expo-all-in-${screen.name}`);
    if (screen.width >= 1920) await handOff.click();
    else {
      // The bump bar works expo too: select the order, b hands it off.
      await expo.locator('.ticket__number').click();
      await page.keyboard.press('b');
    }
    await expo.waitFor({ state: 'detached' });
    await expect.poll(() => orderStatus(orderId)).toBe('delivered');
  });

  it('held courses are greyed and not startable on the station; expo fires them', async () => {
    const station = await world.openKitchen([world.stations['Grill']!], { viewport: screen });
    const expo = await world.openKitchen('all', { viewport: screen });
    const orderId = await world.manager.order(
      'dine_in',
      [
        { product: 'steak', quantity: 2, course: 1 },
        { product: 'brulee', quantity: 2, course: 2 },
      ],
      'Ben',
      { table: '9', guests: 2 },
    );
    const held = station.page.locator(`article.ticket[data-ticket-id^="${orderId}."][data-status="held"]`);
    await held.waitFor();
    expect(await held.getAttribute('class')).toContain('ticket--held');
    expect(await held.locator('.btn--start').count()).toBe(0);
    expect(await held.locator('.btn--bump').count()).toBe(0);
    expect(await held.locator('.ticket__held').innerText()).toMatch(/HELD — course 2/);
    await screenshot(station.page, `course-held-${screen.name}`);
    expect((await axeCounts(station.page)).details).toEqual([]);
    await held.locator('.ticket__number').click();
    await station.page.keyboard.press('b');
    await expect.poll(() => station.page.locator('.screen__notice').innerText()).toMatch(/course 2 is HELD/);

    const fire = expo.page.locator(`.expo-card[data-order-id="${orderId}"] .btn--fire[data-course="2"]`);
    await fire.waitFor();
    expect((await axeCounts(expo.page)).details).toEqual([]);
    await screenshot(expo.page, `expo-held-course-${screen.name}`);
    // Not all in yet: b on expo says what the order waits for.
    await expo.page.locator(`.expo-card[data-order-id="${orderId}"] .ticket__number`).click();
    await expo.page.keyboard.press('b');
    await expect.poll(() => expo.page.locator('.screen__notice').innerText()).toMatch(/not all in yet/);
    if (screen.width >= 1920) await fire.click();
    else await expo.page.keyboard.press('f');
    const fired = station.page.locator(`article.ticket[data-ticket-id^="${orderId}."][data-status="queued"]`);
    await expect.poll(() => fired.count(), { timeout: 5000 }).toBe(2);
    await held.waitFor({ state: 'detached' });
    const desserts = card(station.page, orderId).filter({ hasText: 'Crème brûlée' });
    await desserts.locator('.item').first().click();
    expect(await desserts.locator('.btn--start').count()).toBe(1);
  });

  it('a cook 86es a product from the kitchen screen and puts it back; orders with it are refused meanwhile', async () => {
    const { page } = await world.openKitchen([world.stations['Fryer']!], { viewport: screen });
    await page.locator('button', { hasText: '86 items' }).click();
    const drawer = page.locator('.drawer--86');
    await drawer.waitFor();
    const fries = drawer.locator('.product', { hasText: 'Fries' });
    expect(await drawer.locator('.product', { hasText: 'Burger' }).count()).toBe(0);
    expect((await axeCounts(page)).details).toEqual([]);
    await fries.locator('button', { hasText: '86 it' }).click();
    await fries.locator('text=86 — SOLD OUT').waitFor();
    await expect.poll(async () => (await world.manager.product('fries')).soldOut).toBe(true);
    await screenshot(page, `eighty-six-${screen.name}`);
    const refused = await world.manager.tryOrder([{ product: 'fries', quantity: 1 }]);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'sold_out' } });

    await fries.locator('button', { hasText: 'Back on' }).click();
    await expect.poll(async () => (await world.manager.product('fries')).soldOut ?? false).toBe(false);
    expect((await world.manager.tryOrder([{ product: 'fries', quantity: 1 }])).status).toBe(201);
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });
});
