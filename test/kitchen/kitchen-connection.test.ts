import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy, type Proxy } from '../support/proxy.ts';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { card, screens, startKitchenWorld, type KitchenWorld } from './kitchen-world.ts';

let world: KitchenWorld;
let proxy: Proxy;
beforeAll(async () => {
  world = await startKitchenWorld();
  proxy = await startProxy(world.server);
});
afterAll(async () => {
  await proxy?.close();
  await world?.stop();
});

describe.each(screens)('setup and the link to the server at $name', (screen) => {
  it('a refused token is said at once on setup, not "waiting for stations"', async () => {
    const context = await world.browser.newContext({ viewport: screen });
    const page = await context.newPage();
    await page.goto(`${world.server.url}/kitchen/`);
    await page.locator('input[name=token]').waitFor();
    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, `setup-${screen.name}`);
    await page.fill('input[name=token]', 'ks_not_a_real_token');
    const submitted = Date.now();
    await page.click('button[type=submit]');
    const error = page.locator('.setup__error');
    await error.waitFor({ timeout: 3000 });
    expect(Date.now() - submitted).toBeLessThan(3000);
    expect(await error.innerText()).toMatch(/refused this kitchen token/);
    expect(await page.locator('text=Waiting for stations').count()).toBe(0);
    expect((await axeCounts(page)).details).toEqual([]);
    await screenshot(page, `setup-token-refused-${screen.name}`);
    await context.close();
  });

  it('with the network up and the server gone it says "server not answering", and is back within 2 s of the server', async () => {
    const { page } = await world.openKitchen([world.stations['Grill']!], { viewport: screen, baseUrl: proxy.url });
    const orderId = await world.manager.order('dine_in', [{ product: 'burger', quantity: 1 }], 'Sol');
    await card(page, orderId).waitFor();

    await proxy.cut();
    const headline = page.locator('.health__headline');
    await expect.poll(() => headline.innerText(), { timeout: 10_000 }).toMatch(/SERVER NOT ANSWERING/);
    expect(await headline.innerText()).not.toMatch(/OFFLINE/);
    // Work goes on locally and says it is waiting.
    // A tap on a line picks it; the picked line shows its next step.
    await card(page, orderId).locator('.item').first().click();
    await card(page, orderId).locator('.btn--start').click();
    await card(page, orderId).locator('.badge--unconfirmed').waitFor();
    await screenshot(page, `server-not-answering-${screen.name}`);
    // Long enough for any exponential backoff to have grown.
    await page.waitForTimeout(8000);

    await proxy.restore();
    const back = Date.now();
    await page.locator('.health[data-level="ok"]').waitFor({ timeout: 15_000 });
    const recoveredMs = Date.now() - back;
    console.log(`kitchen screen back ${recoveredMs} ms after the server returned (${screen.name})`);
    // The bound is 2 s; 1 s more for a loaded two-core box.
    expect(recoveredMs).toBeLessThan(3000);
    await card(page, orderId).locator('.badge--unconfirmed').waitFor({ state: 'detached' });
    expect((await world.manager.tickets(orderId))[0]?.items[0]?.status).toBe('in_progress');
  });
});
