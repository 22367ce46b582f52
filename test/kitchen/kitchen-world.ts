import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { launchChromium } from './browser.ts';
import { connectManager, type Manager, type MenuItem } from './manager.ts';

export const menu: readonly MenuItem[] = [
  { key: 'burger', name: 'Burger', stationType: 'grill', prepSeconds: 480 },
  { key: 'steak', name: 'Ribeye', stationType: 'grill', prepSeconds: 900 },
  { key: 'fries', name: 'Fries', stationType: 'fry', prepSeconds: 240 },
  { key: 'satay', name: 'Chicken satay', stationType: 'grill', prepSeconds: 600, allergens: ['peanuts', 'soy'] },
];

export interface KitchenWorld {
  readonly server: TestServer;
  readonly tenant: TestTenant;
  readonly manager: Manager;
  readonly browser: Browser;
  readonly stations: Record<string, string>;
  /** A fresh browser context on /kitchen/, set up with the kitchen token and the given stations. */
  openKitchen(stations: 'all' | string[], query?: string): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/** Server, tenant, menu (a grill and a fryer), manager and a browser: what each kitchen test starts from. */
export async function startKitchenWorld(): Promise<KitchenWorld> {
  const server = await startServer();
  const tenant = await createTenant(server);
  const manager = await connectManager(server, tenant.managerToken);
  const { stations } = await manager.seed(menu, [
    { name: 'Grill', type: 'grill' },
    { name: 'Fryer', type: 'fry' },
  ]);
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  return {
    server,
    tenant,
    manager,
    browser,
    stations,
    async openKitchen(choice, query = '') {
      const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/kitchen/${query}`);
      await page.fill('input[name=token]', tenant.kitchenToken);
      await page.click('button[type=submit]');
      if (choice === 'all') await page.click('text=Expo — all stations');
      else {
        for (const id of choice) await page.check(`input[data-station-id="${id}"]`);
        await page.click('.setup__actions .btn--big');
      }
      await page.waitForSelector('.health');
      await page.waitForSelector('.health[data-level="ok"]', { timeout: 10_000 });
      return { context, page };
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await manager.close();
      await server.stop();
    },
  };
}

/** The card of an order's ticket on the rail. */
export const card = (page: Page, orderId: string) => page.locator(`article.ticket[data-ticket-id^="${orderId}."]`);
