import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from '../kitchen/axe.ts';
import { managerContext, screenshot, waitSynced, type Screen } from './helpers/browser.ts';
import { reachable } from './helpers/layout.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  const at = Date.now() - 60_000;
  const create = world.manager.rep.mutate.createOrder;
  await create({ id: 'o-peanut', channel: 'dine_in', customer: { name: 'Window party' }, table: '12', guests: 4, allergy: 'PEANUT ALLERGY – severe', items: [{ id: 'p1', productId: 'burger', quantity: 2 }, { id: 'p2', productId: 'salad', quantity: 1, allergy: 'coeliac' }], at });
  await create({ id: 'o-plain', channel: 'dine_in', customer: { name: 'Bar seats' }, table: '3', items: [{ id: 'q1', productId: 'fries', quantity: 1 }], at: at + 1 });
  await create({ id: 'o-takeaway', channel: 'takeaway', customer: { name: 'Sam' }, items: [{ id: 'r1', productId: 'fries', quantity: 2, allergy: 'sesame' }], at: at + 2 });
  await world.settle();
}, 120_000);
afterAll(async () => world?.stop());

describe.each<Screen>(['desktop', 'phone'])('the board shows guest allergies and tables on every card (%s)', (screen) => {
  it('an allergy order is unmissable: a red strip naming every allergy on top of the card; the table is on the card', async () => {
    const context = await managerContext(world.browser, world.tenant.managerToken, screen);
    const page = await context.newPage();
    await page.goto(`${world.server.url}/`);
    await waitSynced(page);
    const card = (id: string) => page.locator(`.order-card[data-order-id="${id}"]`);
    await card('o-peanut').waitFor();

    const strip = card('o-peanut').locator('[data-allergy]');
    expect(await strip.innerText()).toMatch(/ALLERGY: PEANUT ALLERGY – SEVERE · COELIAC/);
    expect(await reachable(strip)).toBe(true);
    // The strip is the card's first line, as wide as the card, white on the danger red.
    const [cardBox, stripBox] = [await card('o-peanut').boundingBox(), await strip.boundingBox()];
    expect(stripBox && cardBox && stripBox.y - cardBox.y).toBeLessThanOrEqual(2);
    expect(stripBox && cardBox && cardBox.width - stripBox.width).toBeLessThanOrEqual(8);
    expect(await strip.evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(194, 54, 43)');
    expect(await card('o-peanut').getAttribute('class')).toContain('order-card--allergy');
    expect(await card('o-peanut').locator('[data-table]').innerText()).toBe('Table 12 · 4 guests');

    expect(await card('o-plain').locator('[data-allergy]').count()).toBe(0);
    expect(await card('o-plain').locator('[data-table]').innerText()).toBe('Table 3');
    // A line's allergy alone is enough; a takeaway has no table.
    expect(await card('o-takeaway').locator('[data-allergy]').innerText()).toMatch(/ALLERGY: SESAME/);
    expect(await card('o-takeaway').locator('[data-table]').count()).toBe(0);

    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, `board-allergy-cards-${screen}`);
    await context.close();
  });
});
