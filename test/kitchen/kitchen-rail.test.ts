import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { screenshot } from './browser.ts';
import { card, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
beforeAll(async () => {
  world = await startKitchenWorld();
});
afterAll(async () => world?.stop());

describe('the kitchen rail in Chromium', () => {
  it('a ticket created by the front of house appears without reload within a second', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!, world.stations['Fryer']!]);
    const orderId = await world.manager.order('dine_in', [{ product: 'burger', quantity: 2, modifiers: ['no onion'], notes: 'medium rare' }], 'Ada');
    const created = Date.now();
    const ticket = card(page, orderId);
    await ticket.waitFor({ timeout: 1000 });
    expect(Date.now() - created).toBeLessThan(1000);
    expect(await ticket.locator('.badge--new').count()).toBe(1);
    expect(await ticket.locator('.item__mods').innerText()).toContain('no onion');
    expect(await ticket.locator('.item__notes').innerText()).toContain('medium rare');
    await world.manager.order('takeaway', [{ product: 'fries', quantity: 3 }], 'Bo');
    await world.manager.order('delivery', [{ product: 'steak', quantity: 1 }, { product: 'fries', quantity: 1 }], 'Cy');
    await world.manager.order('online', [{ product: 'satay', quantity: 2 }], 'Di');
    await page.locator('[data-open-count="5"]').waitFor();
    await screenshot(page, 'rail-normal');
  });

  it('a tenant broadcast shows as a banner until dismissed', async () => {
    const { page } = await world.openKitchen('all');
    const sent = await api(world.server, world.tenant.managerToken, 'POST', `/api/websocket/broadcast/${world.tenant.tenantId}`, {
      message: '86 the ribeye',
    });
    expect(sent.status).toBe(202);
    const banner = page.locator('.broadcast');
    await banner.waitFor({ timeout: 5000 });
    expect(await banner.innerText()).toContain('86 the ribeye');
    await banner.locator('button').click();
    await banner.waitFor({ state: 'detached' });
  });
});
