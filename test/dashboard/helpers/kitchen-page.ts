import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';

/** The kitchen renderer the server serves at /kitchen/ (built by `pnpm -r build`). */
export const kitchenBuilt = () => existsSync(fileURLToPath(new URL('../../../kitchen-app/dist/renderer/index.html', import.meta.url)));

/** Opens /kitchen/ with the kitchen token on a rail of every station (expo shows orders, not tickets). */
export async function openKitchenPage(browser: Browser, serverUrl: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${serverUrl}/kitchen/`);
  await page.fill('input[name=token]', token);
  await page.click('button[type=submit]');
  const stations = page.locator('input[data-station-id]');
  await stations.first().waitFor();
  for (const box of await stations.all()) await box.check();
  await page.click('.setup__actions .btn--big');
  await page.waitForSelector('.health[data-level="ok"]', { timeout: 15_000 });
  return page;
}

/** The kitchen ticket of an order at a station type, on the rail. */
export const ticketCard = (page: Page, orderId: string): Locator => page.locator(`article.ticket[data-ticket-id^="${orderId}."]`);

/** Bumps a ticket as a cook does: acknowledge allergens if asked, then Bump. */
export async function bump(ticket: Locator): Promise<void> {
  const ack = ticket.locator('.allergens .btn--warn');
  if ((await ack.count()) > 0) await ack.click();
  await ticket.locator('.btn--bump').click();
}
