import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectedClient } from '../support/replicache-client.ts';
import { phoneContext, screenshot, sessionKey, waitSynced } from './helpers/browser.ts';
import { bump, kitchenBuilt, openKitchenPage, ticketCard } from './helpers/kitchen-page.ts';
import { backgroundOrders, startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  await world.seedOrders(backgroundOrders);
}, 120_000);
afterAll(async () => world?.stop());

const statusOf = (page: Page) => page.locator('[data-tracker="order"]').getAttribute('data-status');

describe('an order from the dashboard to the customer and the kitchen', () => {
  it('the manager signs in with a token, and the board shows the tenant’s orders by status', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/`);
    await page.fill('input[name=token]', 'ks_manager_not-a-real-token-at-all');
    await page.click('button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'does not know this token' }).waitFor();

    await page.fill('input[name=token]', world.tenant.kitchenToken);
    await page.click('button[type=submit]');
    await page.getByRole('alert').filter({ hasText: 'not a manager or admin token' }).waitFor();

    await page.fill('input[name=token]', world.tenant.managerToken);
    await page.click('button[type=submit]');
    await waitSynced(page);
    await page.locator('[data-order-id="seed-j3e7"]').waitFor();
    const column = (id: string) => page.locator(`[data-column="${id}"] [data-order-id]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-order-id')));
    expect(await column('draft')).toEqual(['seed-j3e7']);
    expect(await column('confirmed')).toEqual(['seed-h8d3']);
    expect(await column('in_preparation')).toEqual(['seed-g4c1']);
    expect(await column('ready')).toEqual(['seed-d2f6', 'seed-f1b9']);
    expect(await column('delivering')).toEqual(['seed-b7d2']);
    expect((await column('done')).sort()).toEqual(['seed-a1c3', 'seed-c9e4', 'seed-e5a8']);

    // Remembered: a reload goes straight to the board.
    expect(JSON.parse((await page.evaluate((k) => localStorage.getItem(k), sessionKey)) ?? '{}')).toMatchObject({ role: 'manager' });
    await page.reload();
    await page.locator('[data-order-id="seed-j3e7"]').waitFor();
    await screenshot(page, 'dashboard-board');
    await context.close();
  });

  it('an order created in the dashboard reaches the tracker and the kitchen; kitchen bumps update both live', async () => {
    // The kitchen screen is up before the order exists, as in service.
    const kitchen = kitchenBuilt() ? await openKitchenPage(world.browser, world.server.url, world.tenant.kitchenToken) : undefined;
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/`);
    await page.fill('input[name=token]', world.tenant.managerToken);
    await page.click('button[type=submit]');
    await waitSynced(page);

    await page.click('.app-nav >> text=New order');
    await page.click('[data-product-id="fries"]');
    await page.click('[data-product-id="fries"]');
    await page.click('[data-product-id="burger"]');
    expect(await page.locator('[data-total-cents]').getAttribute('data-total-cents')).toBe(String(2 * 450 + 1250));
    await page.fill('input[aria-label="Quantity of Fries"]', '3');
    expect(await page.locator('[data-total-cents]').getAttribute('data-total-cents')).toBe(String(3 * 450 + 1250));
    await page.click('[data-line-product="burger"] >> text=+ modifiers, note, course or allergy');
    await page.fill('[data-line-product="burger"] input[aria-label="Modifiers"]', 'no pickles, medium');
    await page.fill('input[name=customerName]', 'Ada Lovelace');
    await page.fill('input[name=customerPhone]', '+44 20 7946 0000');
    await page.click('[data-channel="takeaway"]');
    await screenshot(page, 'dashboard-new-order');
    await page.click('text=Create & confirm');

    await page.waitForURL(/\/orders\/o-/);
    const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    await page.locator('.order-detail[data-status="confirmed"]').waitFor();
    const trackingInput = page.locator('[data-tracking-url]');
    await trackingInput.waitFor({ timeout: 15_000 });
    const trackingUrl = (await trackingInput.getAttribute('data-tracking-url')) ?? '';
    expect(trackingUrl).toMatch(new RegExp(`^${world.server.url}/track/ks_customer_`));
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

    // The customer opens the link on a phone.
    const phone = await phoneContext(world.browser);
    const tracker = await phone.newPage();
    await tracker.goto(trackingUrl);
    await tracker.locator('[data-tracker="order"]').waitFor();
    expect(await statusOf(tracker)).toBe('confirmed');
    expect(await tracker.locator('.tracker-lines').innerText()).toMatch(/3×\s*Fries[\s\S]*1×\s*Burger/);
    expect(await tracker.locator('.tracker__eta').innerText()).toMatch(/Ready in about \d+ min/);
    await tracker.evaluate(() => ((window as unknown as { marker: number }).marker = 7));

    // The kitchen gets it through sync: on the kitchen page when it is built, else a kitchen replica.
    let bumpAll: () => Promise<void>;
    if (kitchen) {
      await ticketCard(kitchen, orderId).first().waitFor({ timeout: 10_000 });
      expect(await ticketCard(kitchen, orderId).count()).toBe(2);
      await bump(ticketCard(kitchen, orderId).filter({ hasText: 'Fries' }));
      bumpAll = () => bump(ticketCard(kitchen, orderId).filter({ hasText: 'Burger' }));
    } else {
      const cook = await connectedClient(world.server, world.tenant.kitchenToken);
      const tickets = async () => (await cook.rep.query((tx) => tx.scan({ prefix: 'kitchenOrder/' }).values().toArray())).filter((t) => (t as { orderId: string }).orderId === orderId) as { id: string; stationType: string }[];
      await expect.poll(async () => (await tickets()).length, { timeout: 10_000 }).toBe(2);
      const [first, second] = (await tickets()).sort((a, b) => (a.stationType === 'fry' ? -1 : b.stationType === 'fry' ? 1 : 0));
      await cook.rep.mutate.bumpKitchenOrder({ kitchenOrderId: first?.id ?? '', at: Date.now() });
      bumpAll = async () => {
        await cook.rep.mutate.bumpKitchenOrder({ kitchenOrderId: second?.id ?? '', at: Date.now() });
      };
    }

    // One station done: the order is in preparation, on the dashboard and the tracker, without reloads.
    await page.locator('.order-detail[data-status="in_preparation"]').waitFor({ timeout: 10_000 });
    await page.locator('.progress-station[data-ticket-status="ready"]').waitFor();
    await expect.poll(() => statusOf(tracker), { timeout: 10_000 }).toBe('in_preparation');
    await bumpAll();
    await page.locator('.order-detail[data-status="ready"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => statusOf(tracker), { timeout: 10_000 }).toBe('ready');
    expect(await tracker.locator('.tracker__status').innerText()).toBe('Ready for pick-up');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await tracker.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(7);

    await page.locator('.timeline[data-source="audit"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('.timeline').innerText()).toMatch(/Order placed[\s\S]*Confirmed[\s\S]*Ticket bumped[\s\S]*Ready/);
    await screenshot(page, 'dashboard-order-detail', { fullPage: true });
    await screenshot(tracker, 'tracker-phone-ready');

    // Handing it over finishes the steps on the customer's phone.
    await page.click('.order-detail .page-head [data-move="delivered"]');
    await expect.poll(() => statusOf(tracker), { timeout: 10_000 }).toBe('delivered');
    expect(await tracker.locator('[data-state="upcoming"]').count()).toBe(0);
    await phone.close();
    await context.close();
  });

  it('the tracker fits a phone and shows the steps with their times', async () => {
    const phone = await phoneContext(world.browser);
    const tracker = await phone.newPage();
    const order = await world.order('seed-g4c1');
    await tracker.goto(`${world.server.url}/track/${order?.trackingToken ?? ''}`);
    await tracker.locator('[data-tracker="order"]').waitFor();
    expect(await statusOf(tracker)).toBe('in_preparation');
    const steps = await tracker.locator('.steps__step').evaluateAll((els) => els.map((e) => [e.getAttribute('data-step'), e.getAttribute('data-state')]));
    expect(steps).toEqual([
      ['draft', 'done'],
      ['confirmed', 'done'],
      ['in_preparation', 'current'],
      ['ready', 'upcoming'],
      ['delivered', 'upcoming'],
    ]);
    expect(await tracker.locator('.steps__step--done .steps__time').first().innerText()).toMatch(/^\d\d:\d\d$/);
    const overflow = await tracker.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(tracker, 'tracker-phone');
    await phone.close();
  });

  it('the statistics page draws today from the replica, live', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/`);
    await page.fill('input[name=token]', world.tenant.managerToken);
    await page.click('button[type=submit]');
    await waitSynced(page);
    await page.click('.app-nav >> text=Statistics');
    const orders = page.locator('[data-kpi="orders"] .kpi__value');
    await expect.poll(() => orders.innerText()).toMatch(/^\d+$/);
    const before = Number(await orders.innerText());
    expect(before).toBeGreaterThanOrEqual(backgroundOrders.length);
    expect(await page.locator('svg.chart').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.chart__marker--p50').count()).toBe(1);

    await world.manager.rep.mutate.createOrder({ id: `live-${Date.now()}`, channel: 'online', customer: { name: 'Live' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }], at: Date.now() });
    await expect.poll(() => orders.innerText(), { timeout: 10_000 }).toBe(String(before + 1));
    await screenshot(page, 'dashboard-stats');
    await context.close();
  });
});
