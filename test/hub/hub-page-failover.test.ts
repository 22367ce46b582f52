import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../kitchen/browser.ts';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { placeOrder } from '../support/kitchen-fixture.ts';
import type { Proxy } from '../support/proxy.ts';
import type { connectedClient } from '../support/replicache-client.ts';
import type { TestServer } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { hubEnv, repeatedMutations, startCloud, type HubTenant } from './hub-support.ts';

/** The bound the issue states for leaving a dead hub; the screen probes every second (1.5 s timeout). */
const failoverBoundMs = 5000;

describe('the kitchen page loaded from a hub that dies and comes back, the internet up (Chromium, CORS)', () => {
  let cloud: TestServer;
  let tenant: HubTenant;
  let link: Proxy;
  let cloudManager: Awaited<ReturnType<typeof connectedClient>>;
  let storage: DurableStorage;
  let hub: ChildServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ cloud, tenant, link, manager: cloudManager } = await startCloud('Failover Page Bistro'));
    storage = await durableStorage('pglite');
    hub = await startChildServer(storage, { env: hubEnv(link, tenant) });
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await hub?.kill();
    await cloudManager?.close();
    await link?.close();
    await cloud?.stop();
    await storage?.remove();
  });

  const pathShown = (page: Page) => page.locator('.health__path').getAttribute('data-path');
  /** The page's bump mutations the cloud applied (each once: `repeatedMutations` finds any event applied twice). */
  const bumpsAtCloud = async (clientID: string) =>
    (
      await cloud.running.db.query<{ mutation_id: number }>(
        `SELECT DISTINCT mutation_id FROM events WHERE client_id = $1 AND mutation_name = 'bumpKitchenOrder'`,
        [clientID],
      )
    ).rows.map((r) => r.mutation_id);

  it('falls back to the cloud within 5 s of a kill -9, its bump reaches the cloud once, and it returns to the hub', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 900 } })).newPage();
    // Loaded from the hub: every call to the cloud is cross-origin from here on.
    await page.goto(`${hub.url}/kitchen/`);
    await page.fill('input[name=serverUrl]', cloud.url);
    await page.fill('input[name=hubUrl]', hub.url);
    await page.fill('input[name=token]', tenant.kitchenToken);
    await page.click('button[type=submit]');
    for (const id of ['grill-1', 'grill-2']) await page.check(`input[data-station-id="${id}"]`);
    await page.click('.setup__actions .btn--big');
    await page.waitForSelector('.health[data-level="ok"]', { timeout: 10_000 });
    expect(await pathShown(page)).toBe('hub');

    await placeOrder(cloudManager.rep, 'failover-1');
    const ticket = page.locator('article.ticket[data-ticket-id^="failover-1."]');
    await ticket.waitFor({ timeout: 10_000 });

    await hub.kill();
    const killedAt = Date.now();
    await page.locator('.health__path[data-path="cloud"]').waitFor({ timeout: failoverBoundMs + 5000 });
    const failoverMs = Date.now() - killedAt;
    process.stdout.write(`kitchen page left the killed hub for the cloud in ${failoverMs} ms\n`);
    expect(failoverMs).toBeLessThan(failoverBoundMs);
    expect(await page.locator('.health__path').innerText()).toBe('via cloud');

    // A bump while the hub is dead goes straight to the cloud, across origins.
    await ticket.locator('.btn--bump').click();
    await page.locator('.health__pending[data-pending="0"]').waitFor({ timeout: 10_000 });
    await ticket.waitFor({ state: 'detached', timeout: 10_000 });
    const clientID = await page.evaluate(() => (window as unknown as { ksClient: { rep: { clientID: string } } }).ksClient.rep.clientID);
    const bumps = await bumpsAtCloud(clientID);
    expect(bumps).toHaveLength(1);
    expect(await repeatedMutations(cloud.running.db, tenant.tenantId)).toEqual([]);

    // The hub comes back on its data and port: the page goes back to it, and nothing is sent twice.
    hub = await startChildServer(storage, { env: { ...hubEnv(link, tenant), PORT: new URL(hub.url).port } });
    await page.locator('.health__path[data-path="hub"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('.health__path').innerText()).toBe('via hub');
    await page.locator('.health[data-level="ok"]').waitFor({ timeout: 10_000 });
    expect(await ticket.count()).toBe(0);
    expect(await bumpsAtCloud(clientID)).toEqual(bumps);
    expect(await repeatedMutations(cloud.running.db, tenant.tenantId)).toEqual([]);
  }, 120_000);
});
