import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { phoneContext, screenshot } from './helpers/browser.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  await world.seedOrders([
    { id: 'o-alpha-11aa', channel: 'delivery', customer: 'Alice Secret', items: [{ productId: 'burger', quantity: 2 }], placedMinutesAgo: 10, confirmAfter: 1 },
    { id: 'o-bravo-22bb', channel: 'takeaway', customer: 'Bob Visible', items: [{ productId: 'fries', quantity: 1 }], placedMinutesAgo: 5 },
  ]);
}, 120_000);
afterAll(async () => world?.stop());

const tokenOf = async (orderId: string) => (await world.order(orderId))?.trackingToken ?? '';

/** Everything the tracker page sends and receives: HTTP bodies, request URLs and socket frames. */
function recordTraffic(page: Page) {
  const traffic = { requests: [] as string[], bodies: [] as { url: string; status: number; body: string }[], frames: [] as string[] };
  page.on('request', (r) => traffic.requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
  page.on('response', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/api/')) return;
    void r.text().then(
      (body) => traffic.bodies.push({ url: new URL(r.url()).pathname, status: r.status(), body }),
      () => undefined,
    );
  });
  page.on('websocket', (ws) => ws.on('framereceived', (f) => traffic.frames.push(String(f.payload))));
  return traffic;
}

describe('the customer tracker', () => {
  it('a tracking link shows its own order and nothing else of the tenant, and never writes', async () => {
    const alpha = await tokenOf('o-alpha-11aa');
    const bravo = await tokenOf('o-bravo-22bb');
    expect(alpha).toMatch(/^ks_customer_/);
    const phone = await phoneContext(world.browser);
    const page = await phone.newPage();
    const traffic = recordTraffic(page);
    await page.goto(`${world.server.url}/track/${bravo}`);
    await page.locator('[data-tracker="order"][data-order-id="o-bravo-22bb"]').waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain('Hi Bob');
    expect(text).toContain(await world.numberOf('o-bravo-22bb'));
    expect(text).not.toContain(await world.numberOf('o-alpha-11aa'));
    expect(text).not.toMatch(/Alice|Burger/);

    // The other order changes: this tracker hears nothing. Its own order changes: it updates itself.
    const pokes = () => traffic.frames.filter((f) => f.includes('"poke"')).length;
    const before = pokes();
    await world.manager.rep.mutate.cancelOrder({ orderId: 'o-alpha-11aa', reason: 'test', at: Date.now() });
    await world.settle();
    await page.waitForTimeout(1000);
    expect(pokes()).toBe(before);
    await world.manager.rep.mutate.confirmOrder({ orderId: 'o-bravo-22bb', at: Date.now() });
    await page.locator('[data-tracker="order"][data-status="confirmed"]').waitFor({ timeout: 10_000 });
    expect(pokes()).toBeGreaterThan(before);

    await page.waitForTimeout(300);
    const pulls = traffic.bodies.filter((b) => b.url === '/api/replicache/pull');
    expect(pulls.length).toBeGreaterThan(0);
    for (const pull of pulls) {
      expect(pull.status).toBe(200);
      const keys = (JSON.parse(pull.body) as { patch: { op: string; key?: string }[] }).patch.flatMap((p) => (p.key ? [p.key] : []));
      expect(keys.every((k) => k === 'order/o-bravo-22bb')).toBe(true);
    }
    for (const { body } of traffic.bodies) {
      expect(body).not.toContain('o-alpha-11aa');
      expect(body).not.toContain(alpha);
      expect(body).not.toContain('Alice');
      expect(body).not.toMatch(/"(product|station|kitchenOrder|contract|customer)\//);
    }
    for (const frame of traffic.frames) expect(['ready', 'poke']).toContain((JSON.parse(frame) as { type: string }).type);
    expect(traffic.requests.filter((r) => r.includes('/push'))).toEqual([]);
    expect(traffic.requests.filter((r) => r.startsWith('POST /api/') && !r.endsWith('/api/replicache/pull'))).toEqual([]);
    await phone.close();
  });

  it('a broken link shows the error page and no data', async () => {
    const phone = await phoneContext(world.browser);
    const page = await phone.newPage();
    const traffic = recordTraffic(page);
    const bravo = await tokenOf('o-bravo-22bb');
    await page.goto(`${world.server.url}/track/${bravo.slice(0, -3)}xyz`);
    await page.locator('[data-tracker="error"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('body').innerText()).not.toMatch(/Bob|Fries/);
    expect(await page.locator('body').innerText()).not.toContain(await world.numberOf('o-bravo-22bb'));
    for (const { status, body } of traffic.bodies) {
      expect(status).toBe(401);
      expect(body).not.toContain('o-bravo-22bb');
    }
    await screenshot(page, 'tracker-error');

    // Not even shaped like a token: no request is made at all.
    const requestsBefore = traffic.requests.filter((r) => r.includes('/api/')).length;
    await page.goto(`${world.server.url}/track/nope`);
    await page.locator('[data-tracker="error"]').waitFor();
    await page.waitForTimeout(300);
    expect(traffic.requests.filter((r) => r.includes('/api/')).length).toBe(requestsBefore);
    await phone.close();
  });

  it('a revoked link stops showing the order at once', async () => {
    const bravo = await tokenOf('o-bravo-22bb');
    const phone = await phoneContext(world.browser);
    const page = await phone.newPage();
    await page.goto(`${world.server.url}/track/${bravo}`);
    await page.locator('[data-tracker="order"]').waitFor();
    const { rows } = await world.server.running.db.query<{ id: string }>('SELECT id FROM tokens WHERE order_id = $1', ['o-bravo-22bb']);
    const revoke = await api(world.server, world.server.adminToken, 'DELETE', `/api/admin/tokens/${rows[0]?.id ?? ''}`);
    expect(revoke.status).toBe(204);
    await page.locator('[data-tracker="error"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-tracker="order"]').count()).toBe(0);
    await page.reload();
    await page.locator('[data-tracker="error"]').waitFor({ timeout: 10_000 });
    expect(await page.locator('body').innerText()).not.toMatch(/Bob/);
    expect(await page.locator('body').innerText()).not.toContain(await world.numberOf('o-bravo-22bb'));
    await phone.close();
  });
});
