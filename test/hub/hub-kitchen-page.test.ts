import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../kitchen/browser.ts';
import { placeOrder } from '../support/kitchen-fixture.ts';
import { connectedClient, waitFor } from '../support/replicache-client.ts';
import { startHubWorld, type HubWorld } from './hub-support.ts';

describe('the kitchen page served by a hub cut off from the cloud (Chromium)', () => {
  let world: HubWorld;
  let browser: Browser;

  beforeAll(async () => {
    world = await startHubWorld('Page Bistro');
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('shows an order taken at the front of house within a second, "via hub" and the hub’s backlog, while the internet is down', async () => {
    const { hub, tenant, link } = world;
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    await page.goto(`${hub.url}/kitchen/`);
    // Set up as a restaurant's terminal: the cloud as its server, the hub as the path it prefers.
    await page.fill('input[name=serverUrl]', world.cloud.url);
    await page.fill('input[name=hubUrl]', hub.url);
    await page.fill('input[name=token]', tenant.kitchenToken);
    await page.click('button[type=submit]');
    await page.click('text=Expo — all stations');
    await page.waitForSelector('.health[data-level="ok"]', { timeout: 10_000 });

    await link.cut();
    // The screen says the cloud is gone before anything is queued for it.
    await page.locator('.health__hub-backlog', { hasText: /^cloud unreachable since \d\d:\d\d$/ }).waitFor({ timeout: 5000 });
    const frontOfHouse = await connectedClient(hub, tenant.managerToken);
    await waitFor(frontOfHouse.rep, (tx) => tx.get('product/burger'), (product) => product !== undefined);
    const started = Date.now();
    await placeOrder(frontOfHouse.rep, 'page-1');
    await page.locator('.ticket__customer', { hasText: 'Ada' }).first().waitFor({ timeout: 5000 });
    const shownMs = Date.now() - started;
    process.stdout.write(`order on the kitchen page through the hub, cloud cut: ${shownMs} ms\n`);
    expect(shownMs).toBeLessThan(1000);
    expect(await page.locator('.health').getAttribute('data-level')).toBe('ok');
    expect(await page.locator('.health__path').innerText()).toBe('via hub');
    await page.locator('.health__hub-backlog', { hasText: /^cloud unreachable since \d\d:\d\d · \d+ waiting/ }).waitFor({ timeout: 5000 });
    expect((await hub.running.hub?.status())?.upstream).toBe('offline');
    await frontOfHouse.close();
  }, 60_000);
});
