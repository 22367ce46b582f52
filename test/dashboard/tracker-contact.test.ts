import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCounts } from '../kitchen/axe.ts';
import { api } from '../support/server.ts';
import { phoneContext, screenshot } from './helpers/browser.ts';
import { startDashboardWorld, type DashboardWorld } from './helpers/world.ts';

let world: DashboardWorld;
beforeAll(async () => {
  world = await startDashboardWorld();
  await world.seedOrders([{ id: 'o-nophone-1', channel: 'takeaway', customer: 'Nora Late', items: [{ productId: 'fries', quantity: 1 }], placedMinutesAgo: 3, confirmAfter: 1, cancelAfter: 2 }]);
}, 120_000);
afterAll(async () => world?.stop());

/** The tracker's contact line for the cancelled order, read on a phone. */
async function contactLine(): Promise<{ text: string; links: number }> {
  const phone = await phoneContext(world.browser);
  const page = await phone.newPage();
  await page.goto(`${world.server.url}/track/${(await world.order('o-nophone-1'))?.trackingToken ?? ''}`);
  await page.locator('[data-tracker="order"][data-status="cancelled"]').waitFor();
  const contact = page.locator('[data-tracker="contact"]');
  await contact.waitFor();
  const found = { text: await contact.innerText(), links: await contact.locator('a[href^="tel:"]').count() };
  expect(await axeCounts(page)).toMatchObject({ critical: 0, serious: 0 });
  await screenshot(page, `tracker-contact-${found.links > 0 ? 'phone' : 'none'}`);
  await phone.close();
  return found;
}

describe('the tracker tells a customer whom to call only when it has a number', () => {
  it('a cancelled order at a restaurant without a phone names the restaurant and says nothing about calling', async () => {
    const { text, links } = await contactLine();
    expect(text).toBe('Ordered from Harbour Bistro.');
    expect(text).not.toMatch(/call/i);
    expect(links).toBe(0);
  });

  it('once the manager sets a phone, the same order asks the customer to call it, as a tel: link', async () => {
    expect((await api(world.server, world.tenant.managerToken, 'PUT', '/api/tenant/settings', { phone: '+44 20 7946 0555' })).status).toBe(200);
    const { text, links } = await contactLine();
    expect(text).toBe('Questions? Call Harbour Bistro on +44 20 7946 0555.');
    expect(links).toBe(1);
  });
});
