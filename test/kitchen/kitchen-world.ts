import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { launchChromium } from './browser.ts';
import { connectManager, type Manager, type MenuItem } from './manager.ts';

export const menu: readonly MenuItem[] = [
  { key: 'burger', name: 'Burger', stationType: 'grill', prepSeconds: 480 },
  { key: 'steak', name: 'Ribeye', stationType: 'grill', prepSeconds: 900 },
  { key: 'fries', name: 'Fries', stationType: 'fry', prepSeconds: 240 },
  { key: 'satay', name: 'Chicken satay', stationType: 'grill', prepSeconds: 600, allergens: ['peanuts', 'soy'] },
  { key: 'brulee', name: 'Crème brûlée', stationType: 'grill', prepSeconds: 120, allergens: ['egg', 'dairy'] },
];

/** The two screens the issue names: a 1080p display and a 1280×800 tablet. */
export const screens = [
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1280x800', width: 1280, height: 800 },
] as const;

export interface OpenOptions {
  readonly query?: string;
  readonly viewport?: { width: number; height: number };
  /** Load the page from here instead of the server (e.g. a proxy a test can cut). */
  readonly baseUrl?: string;
}

export interface KitchenWorld {
  readonly server: TestServer;
  readonly tenant: TestTenant;
  readonly manager: Manager;
  readonly browser: Browser;
  readonly stations: Record<string, string>;
  /** A fresh browser context on /kitchen/, set up with the kitchen token and the given stations. */
  openKitchen(stations: 'all' | string[], options?: OpenOptions | string): Promise<{ context: BrowserContext; page: Page }>;
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
    async openKitchen(choice, options = {}) {
      const opened = await openKitchenPage(browser, tenant.kitchenToken, choice, { baseUrl: server.url, ...(typeof options === 'string' ? { query: options } : options) });
      contexts.push(opened.context);
      return opened;
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await manager.close();
      await server.stop();
    },
  };
}

/** A fresh browser context on the server's /kitchen/, set up with a kitchen token and the given stations. */
export async function openKitchenPage(browser: Browser, kitchenToken: string, choice: 'all' | string[], options: OpenOptions & { baseUrl: string }) {
  const { query = '', viewport = { width: 1600, height: 900 }, baseUrl } = options;
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/kitchen/${query}`);
  await page.fill('input[name=token]', kitchenToken);
  await page.click('button[type=submit]');
  if (choice === 'all') await page.click('text=Expo — all stations');
  else {
    for (const id of choice) await page.check(`input[data-station-id="${id}"]`);
    await page.click('.setup__actions .btn--big');
  }
  await page.waitForSelector('.health');
  await page.waitForSelector('.health[data-level="ok"]', { timeout: 10_000 });
  return { context, page };
}

/** The card of an order's ticket on the rail. */
export const card = (page: Page, orderId: string) => page.locator(`article.ticket[data-ticket-id^="${orderId}."]`);
