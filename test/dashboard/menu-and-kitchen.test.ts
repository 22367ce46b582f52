import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerContext, screenshot, waitSynced } from './helpers/browser.ts';
import { backgroundOrders, startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  await world.seedOrders(backgroundOrders);
}, 120_000);
afterAll(async () => world?.stop());

describe('menu and kitchen pages', () => {
  it('a recipe edit makes a new recipe version, and orders still cooking can get a contract of it', async () => {
    const context = await managerContext(world.browser, world.tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/menu`);
    await waitSynced(page);
    const burger = page.locator('tr[data-product-id="burger"]');
    await burger.click();
    expect(await page.locator('.product-editor input[name=name]').inputValue()).toBe('Burger');
    expect(await page.locator('.product-editor input[name=price]').inputValue()).toBe('12.50');
    // A price change is not a recipe change: the editor says the version stays, and it does.
    await page.locator('.product-editor input[name=price]').fill('12.90');
    await page.locator('.product-editor', { hasText: 'Recipe version 1: price, name and menu changes keep it' }).waitFor();
    expect(await page.locator('.product-editor').innerText()).not.toContain('Saving creates recipe version');
    await page.click('.product-editor button[type=submit]');
    await page.locator('.product-editor').waitFor({ state: 'detached' });
    expect(await burger.locator('td').last().innerText()).toBe('v1');

    await burger.click();
    await page.click('.product-editor >> text=+ step');
    await page.locator('.product-editor input[aria-label="Step 4"]').fill('Add pickles');
    await page.locator('.product-editor', { hasText: 'Saving creates recipe version 2' }).waitFor();
    await screenshot(page, 'dashboard-menu');
    await page.click('.product-editor button[type=submit]');
    await expect.poll(() => burger.locator('td').last().innerText()).toBe('v2');

    // Right after saving, without reopening: seed-g4c1 (burger + fries) is being cooked from recipe v1.
    await page.locator('.product-editor [data-saved-version="2"]').waitFor();
    const stale = page.locator('.banner', { hasText: 'still being cooked from an older recipe of Burger' });
    await stale.waitFor();
    expect(await stale.isVisible()).toBe(true);
    expect(await stale.innerText()).toContain(await world.numberOf('seed-g4c1'));
    await stale.locator('text=Re-issue contracts').click();
    await page.locator('[data-reissued="1"]', { hasText: 'recipe version 2' }).waitFor();

    await page.goto(`${world.server.url}/orders/seed-g4c1`);
    await page.locator('[data-contract-version="2"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-contract-version="2"]').innerText()).toMatch(/Add pickles[\s\S]*recipe v2|recipe v2[\s\S]*Add pickles/);
    await page.click('[aria-label="Contract version"] >> text=v1');
    await page.locator('[data-contract-version="1"]', { hasText: 'superseded by v2' }).waitFor();
    await context.close();
  });

  it('the kitchen page shows each station’s live load and today’s ingredient use', async () => {
    const context = await managerContext(world.browser, world.tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/stations`);
    await waitSynced(page);
    const fryer = page.locator('[data-station-id="fry-1"]');
    await fryer.waitFor();
    const load = async () => Number(await fryer.getAttribute('data-open-tickets'));
    const before = await load();
    await world.manager.rep.mutate.createOrder({ id: `o-fry-${Date.now()}`, channel: 'takeaway', customer: { name: 'Load test' }, items: [{ id: 'l1', productId: 'fries', quantity: 2 }], at: Date.now() });
    const [created] = (await world.manager.rep.query((tx) => tx.scan({ prefix: 'order/o-fry-' }).keys().toArray())) as string[];
    await world.manager.rep.mutate.confirmOrder({ orderId: (created ?? '').slice('order/'.length), at: Date.now() });
    await expect.poll(load, { timeout: 10_000 }).toBe(before + 1);

    const consumption = page.locator('.consumption-table');
    await consumption.waitFor();
    expect(await consumption.innerText()).toMatch(/potatoes\s+\d+\s+g/);
    expect(await consumption.innerText()).toMatch(/beef patty\s+\d+\s+pc/);
    await screenshot(page, 'dashboard-kitchen');
    await context.close();
  });
});
