import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';

/** The kitchen renderer the server serves at /kitchen/ (built by `pnpm -r build`). */
export const kitchenBuilt = () => existsSync(fileURLToPath(new URL('../../../kitchen-app/dist/renderer/index.html', import.meta.url)));

/** Opens /kitchen/ with the kitchen token on the expo view (every station). */
export async function openKitchenPage(browser: Browser, serverUrl: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${serverUrl}/kitchen/`);
  await page.fill('input[name=token]', token);
  await page.click('button[type=submit]');
  await page.click('text=Expo — all stations');
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
