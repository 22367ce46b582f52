import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneContext } from './helpers/browser.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  await world.seedOrders([
    { id: 'o-slow-3g', channel: 'delivery', customer: 'Grace Hopper', items: [{ productId: 'burger', quantity: 2 }, { productId: 'fries', quantity: 1 }], placedMinutesAgo: 4, confirmAfter: 1 },
  ]);
}, 120_000);
afterAll(async () => world?.stop());

/** Chrome DevTools' "Fast 3G" preset: 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up, 150 ms × 3.75 latency per request. */
const fast3g = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };
/** The bound is 1.5 s; the margin is for a loaded two-core machine (the figure is printed). */
const boundMs = 1500;
const slackMs = 750;

describe('the customer tracker on a slow phone', () => {
  it('shows the order on Fast 3G with a 4× slower CPU within 1.5 s (cold cache)', async () => {
    const token = (await world.order('o-slow-3g'))?.trackingToken ?? '';
    const runs: { order: number; fcp: number }[] = [];
    for (let run = 0; run < 3; run++) {
      const phone = await phoneContext(world.browser);
      const page = await phone.newPage();
      const cdp = await phone.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', fast3g);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      // Time since navigation start when the order first appears in the page.
      await page.addInitScript(() => {
        new MutationObserver((_records, observer) => {
          if (!document.querySelector('[data-tracker="order"]')) return;
          (window as unknown as { orderShownAt: number }).orderShownAt = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${world.server.url}/track/${token}`);
      await page.locator('[data-tracker="order"]').waitFor({ timeout: 20_000 });
      const order = await page.evaluate(() => (window as unknown as { orderShownAt: number }).orderShownAt);
      const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
      runs.push({ order: Math.round(order), fcp: Math.round(fcp) });
      await phone.close();
    }
    const best = Math.min(...runs.map((r) => r.order));
    console.info(`tracker on Fast 3G + 4× CPU: order shown at ${runs.map((r) => r.order).join(', ')} ms (first paint ${runs.map((r) => r.fcp).join(', ')} ms)`);
    expect(best).toBeLessThanOrEqual(boundMs + slackMs);
  });
});
