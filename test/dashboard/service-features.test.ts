import type { Station } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from '../kitchen/axe.ts';
import { managerContext, screenshot, waitSynced } from './helpers/browser.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
}, 120_000);
afterAll(async () => world?.stop());

const station = (id: string) => world.manager.rep.query(async (tx) => (await tx.get(`station/${id}`)) as Station | undefined);

describe('issue 9 on the dashboard: table, guests, allergies, courses, 86 and station thresholds', () => {
  it('a dine-in order with table, guests, guest allergies and a second course; the held course is fired from the order page', async () => {
    const context = await managerContext(world.browser, world.tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/orders/new`);
    await waitSynced(page);
    await page.click('[data-product-id="salad"]');
    await page.click('[data-product-id="burger"]');
    await page.fill('input[name=customerName]', 'Party of four');
    await page.fill('input[name=table]', '12');
    await page.fill('input[name=guests]', '4');
    await page.fill('input[name=orderAllergy]', 'peanuts (severe)');
    const burger = page.locator('[data-line-product="burger"]');
    await burger.locator('text=+ modifiers, note, course or allergy').click();
    await burger.locator('select[aria-label="Course of Burger"]').selectOption('2');
    await burger.locator('input[aria-label="Guest allergy for Burger"]').fill('SEVERE coeliac – change gloves');
    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, 'issue9-new-order-service');
    await page.getByRole('button', { name: 'Create & confirm' }).click();

    await page.waitForURL(/\/orders\/o-/);
    const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.locator('[data-service]', { hasText: 'Table 12 · 4 guests' }).waitFor();
    await page.locator('.allergy-note', { hasText: 'peanuts (severe)' }).waitFor();
    await page.locator('.allergy-note', { hasText: 'SEVERE coeliac – change gloves' }).waitFor();
    // The page shows the browser's own replica at once; the server has it once its push lands.
    const serverSees = async <T>(read: () => Promise<T>) => {
      await world.settle();
      return read();
    };
    await expect.poll(() => serverSees(() => world.order(orderId))).toMatchObject({ table: '12', guests: 4, allergy: 'peanuts (severe)' });
    const order = await world.order(orderId);
    expect(order?.lines.map((l) => [l.productId, l.course ?? 1, l.allergy])).toEqual([
      ['salad', 1, undefined],
      ['burger', 2, 'SEVERE coeliac – change gloves'],
    ]);

    // Course 2 waits in the kitchen; the order page offers to fire it.
    const held = page.locator('[data-held-course="2"]');
    await held.waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-held-course="1"]').count()).toBe(0);
    await expect.poll(() => serverSees(async () => (await world.tickets(orderId)).map((t) => [t.course ?? 1, t.status]).sort())).toEqual([
      [1, 'queued'],
      [2, 'held'],
    ]);
    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, 'issue9-order-held-course');
    await held.getByRole('button', { name: 'Fire course 2' }).click();
    await held.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(() => serverSees(async () => (await world.tickets(orderId)).find((t) => t.course === 2)?.status)).toBe('queued');
    const fired = (await world.tickets(orderId)).find((t) => t.course === 2);
    expect(fired?.firedAt).toBeGreaterThan(0);
    await context.close();
  });

  it('a product the kitchen 86es turns unavailable on an open new-order form at once, and cannot be added', async () => {
    const context = await managerContext(world.browser, world.tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/orders/new`);
    await waitSynced(page);
    const fries = page.locator('[data-product-id="fries"]');
    await fries.click();
    await page.locator('[data-line-product="fries"]').waitFor();

    // The kitchen marks fries out (as a kitchen screen does, through the shared mutator).
    const started = Date.now();
    await world.manager.rep.mutate.setProductSoldOut({ productId: 'fries', soldOut: true, at: Date.now() });
    await world.settle();
    await page.locator('[data-product-id="fries"][data-sold-out]').waitFor({ timeout: 5_000 });
    console.info(`86 seen on the new-order form after ${Date.now() - started} ms`);
    expect(await fries.isDisabled()).toBe(true);
    expect(await fries.innerText()).toMatch(/86 · sold out/i);
    // The line already in the cart says it cannot go, and the order is refused before it is sent.
    await page.locator('[data-line-product="fries"]', { hasText: 'not available' }).waitFor();
    await page.fill('input[name=customerName]', 'Late guest');
    await page.getByRole('button', { name: 'Create & confirm' }).click();
    await page.getByRole('alert').filter({ hasText: "Fries is sold out (86'd by the kitchen)." }).waitFor();
    expect(page.url()).toMatch(/\/orders\/new$/);
    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, 'issue9-sold-out');

    await world.manager.rep.mutate.setProductSoldOut({ productId: 'fries', soldOut: false, at: Date.now() });
    await world.settle();
    await page.locator('[data-product-id="fries"]:not([data-sold-out])').waitFor({ timeout: 5_000 });
    expect(await fries.isDisabled()).toBe(false);
    await context.close();
  });

  it('the station editor sets the warn and late minutes, and refuses warn ≥ late', async () => {
    const context = await managerContext(world.browser, world.tenant.managerToken);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/stations`);
    await waitSynced(page);
    const grill = page.locator('[data-station-id="grill-1"]');
    await grill.locator('[data-thresholds="5/10"]').waitFor();
    await grill.getByRole('button', { name: 'Settings' }).click();
    await grill.locator('input[name=warnMinutes]').fill('9');
    await grill.locator('input[name=lateMinutes]').fill('8');
    await grill.locator('text=A ticket must turn “warn” before it turns “late”.').waitFor();
    expect(await grill.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await grill.locator('input[name=warnMinutes]').fill('3');
    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, 'issue9-station-thresholds');
    await grill.getByRole('button', { name: 'Save' }).click();
    await grill.locator('[data-thresholds="3/8"]').waitFor();
    // Saved in the browser's replica at once; on the server once its push lands.
    await expect.poll(() => station('grill-1')).toMatchObject({ warnMinutes: 3, lateMinutes: 8, capacity: expect.any(Number) });
    await context.close();
  });
});
