import type { Page } from 'playwright-core';
import { demoModifierProducts } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { axeCounts } from '../kitchen/axe.ts';
import { phoneContext, screenshot } from './helpers/browser.ts';
import { brokenMoney, controlsOutside } from './helpers/layout.ts';
import { backgroundOrders, confirmTakeaway, dashboardWorldPerFile, managerPage } from './helpers/world.ts';

const world = dashboardWorldPerFile(backgroundOrders);

/** Every control of what is open is wholly on the 390 px screen, no amount of money is broken, axe is clean. */
async function fits(page: Page, name: string) {
  expect(await controlsOutside(page), `${name}: controls off screen`).toEqual([]);
  expect(await brokenMoney(page), `${name}: money broken over two lines`).toEqual([]);
  expect((await axeCounts(page)).details, `${name}: axe`).toEqual([]);
  await screenshot(page, `phone-form-${name}`, { fullPage: true });
}

const managerPhone = (path: string): Promise<Page> => managerPage(world(), 'phone', path);

describe('every dialog and inline form on a phone (390×844)', () => {
  it('an order: its actions, the cancel row with its reason, and the lines with their prices', async () => {
    const page = await managerPhone('/orders/seed-g4c1');
    await page.locator('.order-detail').waitFor();
    await fits(page, 'order');
    await page.getByRole('button', { name: 'Cancel…' }).first().click();
    await page.locator('.cancel-form').waitFor();
    await fits(page, 'order-cancel');
    await page.getByRole('button', { name: 'Keep' }).click();
    await page.context().close();
  });

  it('a new order: the cart with its lines, quantities and totals, and the service fields', async () => {
    const page = await managerPhone('/orders/new');
    for (const id of ['burger', 'fries', 'wings', 'brownie']) await page.click(`[data-product-id="${id}"]`);
    await page.click('[data-product-id="burger"]');
    await fits(page, 'new-order-menu');
    await page.locator('.cart-bar a, .cart-bar button').first().click();
    await page.click('[data-channel="dine_in"]');
    await fits(page, 'new-order-cart');
    await page.context().close();
  });

  it('a product with a required choice asks it before its line is added, and the order carries it', async () => {
    const ribeye = demoModifierProducts[0];
    expect((await api(world().server, world().tenant.managerToken, 'POST', '/api/products', ribeye)).status).toBe(201);
    const page = await managerPhone('/orders/new');
    await page.click('[data-product-id="ribeye"]');
    const dialog = page.getByRole('dialog', { name: 'Ribeye' });
    await dialog.waitFor();
    await fits(page, 'choices');
    const add = dialog.getByRole('button', { name: /^Add/ });
    expect(await add.isDisabled()).toBe(true);
    expect(await dialog.innerText()).toContain('Still to choose: Temperature');
    await dialog.getByLabel('Medium rare').check();
    await dialog.getByLabel('Bacon').check();
    expect(await add.innerText()).toBe('Add · €30.90');
    await add.click();
    const line = page.locator('[data-line-product="ribeye"]');
    expect(await line.innerText()).toContain('Medium rare · Bacon');
    const orderId = await confirmTakeaway(page, 'Steak Guest');
    await expect.poll(async () => (await world().order(orderId))?.lines[0]?.options?.map((o) => o.name)).toEqual(['Medium rare', 'Bacon']);
    expect((await world().order(orderId))?.lines[0]).toMatchObject({ unitPriceCents: 3090, course: 2 });
    await page.context().close();
  });

  it("the menu: a new product and an existing one's editor", async () => {
    const page = await managerPhone('/menu');
    await page.locator('table').first().waitFor();
    await fits(page, 'menu');
    await page.getByRole('button', { name: '+ New product' }).click();
    await page.locator('.split__side form, .split__side .card').first().waitFor();
    await fits(page, 'menu-new-product');
    await page.goto(`${world().server.url}/menu`);
    await page.locator('.product-table .link-btn, table .link-btn').first().click();
    await page.locator('.split__side').waitFor();
    await fits(page, 'menu-edit-product');
    await page.context().close();
  });

  it("stations: a station's settings and the new-station form", async () => {
    const page = await managerPhone('/stations');
    await page.locator('.station-card').first().waitFor();
    await page.locator('.station-card').first().getByRole('button', { name: 'Settings' }).click();
    await page.locator('.station-card form').first().waitFor();
    await fits(page, 'station-settings');
    await page.locator('form[aria-label="New station"]').scrollIntoViewIfNeeded();
    await fits(page, 'new-station');
    await page.context().close();
  });

  it("the admin's forms: issue a token, rename, and the delete confirmation", async () => {
    const context = await phoneContext(world().browser);
    const page = await context.newPage();
    await page.goto(`${world().server.url}/`);
    await page.fill('input[name=token]', world().server.adminToken);
    await page.click('button[type=submit]');
    await page.locator(`[data-tenant-id="${world().tenant.tenantId}"]`).first().click();
    await page.locator('.tenant-panel h1', { hasText: 'Harbour Bistro' }).waitFor();
    await fits(page, 'admin-tenant');
    await page.getByRole('button', { name: /^Delete/ }).first().click();
    await page.getByRole('dialog').or(page.locator('.delete-tenant')).first().waitFor();
    await fits(page, 'admin-delete-tenant');
    await context.close();
  });
});
