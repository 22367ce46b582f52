import type { Locator, Page } from 'playwright-core';
import type { Product } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { axeCounts } from '../kitchen/axe.ts';
import { screenshot, type Screen } from './helpers/browser.ts';
import { brokenMoney, controlsOutside } from './helpers/layout.ts';
import { confirmTakeaway, dashboardWorldPerFile, managerPage } from './helpers/world.ts';

const world = dashboardWorldPerFile([]);

/** Every control is wholly on screen, no amount of money is broken, axe finds nothing critical or serious. */
async function fits(page: Page, name: string) {
  expect(await controlsOutside(page), `${name}: controls off screen`).toEqual([]);
  expect(await brokenMoney(page), `${name}: money broken over two lines`).toEqual([]);
  expect((await axeCounts(page)).details, `${name}: axe`).toEqual([]);
  await screenshot(page, `menu-modifiers-${name}`, { fullPage: true });
}

const storedProduct = async (id: string) => (await api<Product>(world().server, world().tenant.managerToken, 'GET', `/api/products/${id}`)).body;

async function openEditor(page: Page, productId: string): Promise<Locator> {
  await page.locator(`tr[data-product-id="${productId}"] .link-btn`).click();
  const editor = page.locator('form[aria-label="Product"]');
  await editor.waitFor();
  return editor;
}

/** Types a group: its name, its rule and its options (name and extra price). */
async function fillGroup(group: Locator, name: string, rule: { min: string; max: string }, options: readonly (readonly [string, string])[]) {
  await group.getByLabel('Name').fill(name);
  await group.getByLabel('At least').fill(rule.min);
  await group.getByLabel('At most').fill(rule.max);
  for (const [i, [option, price]] of options.entries()) {
    if (i > 0) await group.getByRole('button', { name: '+ option' }).click();
    await group.getByLabel(`Option of ${name}`).nth(i).fill(option);
    await group.getByLabel(`Extra price of ${option}`, { exact: true }).fill(price);
  }
}

/** A manager gives a plain dish two groups, sees every mistake named beside its field, saves, 86es an option, then orders it. */
async function defineAndOrder(screen: Screen, productId: string, basePrice: number) {
  const page = await managerPage(world(), screen, '/menu');
  const editor = await openEditor(page, productId);
  await editor.getByRole('button', { name: '+ modifier group' }).click();
  const temperature = editor.locator('[data-group-index="0"]');
  await fillGroup(temperature, 'Temperature', { min: '1', max: '1' }, [['Rare', ''], ['Medium rare', ''], ['Well done', '']]);
  expect(await temperature.locator('[data-rule]').innerText()).toBe('choose exactly 1 · required');
  await editor.getByRole('button', { name: '+ modifier group' }).click();
  const addOns = editor.locator('[data-group-index="1"]');
  await fillGroup(addOns, 'Add-ons', { min: '4', max: '3' }, [['Bacon', 'two'], ['bacon', '1']]);
  await editor.getByLabel('Course of a new line').selectOption({ label: 'Course 2 · mains' });

  // Save refuses and every mistake is named beside its own field.
  await editor.getByRole('button', { name: 'Save' }).click();
  expect(await addOns.locator('[id="err-1.min"]').innerText()).toBe('the minimum is above the maximum');
  const bacon = addOns.locator('.modifier-option').nth(0);
  const cheese = addOns.locator('.modifier-option').nth(1);
  expect(await bacon.locator('.field-error').innerText()).toBe('an amount like 2.00');
  expect(await cheese.locator('.field-error').innerText()).toBe('another option has this name');
  expect(await addOns.getByLabel('At least').getAttribute('aria-invalid')).toBe('true');
  await fits(page, `${screen}-mistakes`);

  await addOns.getByLabel('At least').fill('0');
  await addOns.getByLabel('Extra price of Bacon', { exact: true }).fill('2.00');
  await addOns.getByLabel('Option of Add-ons').nth(1).fill('Cheese');
  expect(await addOns.locator('.field-error').count()).toBe(0);
  expect(await addOns.locator('[data-rule]').innerText()).toBe('up to 3 · optional');
  await fits(page, `${screen}-groups`);
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.waitFor({ state: 'detached' });
  await expect.poll(async () => (await storedProduct(productId)).modifierGroups?.map((g) => [g.name, g.min, g.max, g.options.map((o) => `${o.name}+${o.priceDeltaCents}`)])).toEqual([
    ['Temperature', 1, 1, ['Rare+0', 'Medium rare+0', 'Well done+0']],
    ['Add-ons', 0, 3, ['Bacon+200', 'Cheese+100']],
  ]);
  expect((await storedProduct(productId)).course).toBe(2);

  // 86 from the editor: it takes effect at once, and a later save keeps it.
  const reopened = await openEditor(page, productId);
  await reopened.getByRole('button', { name: '86 Cheese' }).click();
  await expect.poll(async () => (await storedProduct(productId)).modifierGroups?.[1]?.options[1]?.soldOut).toBe(true);
  expect(await reopened.getByRole('button', { name: '86 Cheese' }).getAttribute('aria-pressed')).toBe('true');
  await reorderByKeyboard(page, reopened);
  await fits(page, `${screen}-reordered`);
  await reopened.getByRole('button', { name: 'Save' }).click();
  await reopened.waitFor({ state: 'detached' });
  // The save is a mutation: the server has it once its push is through.
  await expect.poll(async () => (await storedProduct(productId)).modifierGroups?.map((g) => [g.name, g.options.map((o) => o.name)])).toEqual([
    ['Add-ons', ['Bacon', 'Cheese']],
    ['Temperature', ['Well done', 'Rare', 'Medium rare']],
  ]);
  const saved = await storedProduct(productId);
  expect(saved.modifierGroups?.[0]?.options[1]?.soldOut).toBe(true);
  expect(saved.course).toBe(9);

  // The new-order form asks both groups; the line is priced with the add-on.
  await page.goto(`${world().server.url}/orders/new`);
  await page.click(`[data-product-id="${productId}"]`);
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  // The dialog asks in the saved order: add-ons first, then the temperatures as reordered.
  const asked = await dialog.innerText();
  expect(asked).toContain('Temperature · choose exactly 1, required');
  expect(asked).toContain('Add-ons · up to 3');
  expect(asked.indexOf('Add-ons ·')).toBeLessThan(asked.indexOf('Temperature ·'));
  expect(await dialog.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.nextElementSibling?.textContent))).toEqual(['Well done', 'Rare', 'Medium rare']);
  expect(await dialog.getByLabel('Cheese').isDisabled()).toBe(true);
  await dialog.getByLabel('Medium rare').check();
  await dialog.getByLabel('Bacon').check();
  await fits(page, `${screen}-asked`);
  await dialog.getByRole('button', { name: /^Add/ }).click();
  const orderId = await confirmTakeaway(page, 'Menu Guest');
  await expect.poll(async () => (await world().order(orderId))?.lines[0]?.options?.map((o) => o.name)).toEqual(['Bacon', 'Medium rare']);
  expect((await world().order(orderId))?.lines[0]).toMatchObject({ unitPriceCents: basePrice + 200, course: 9 });
  await page.context().close();
}

/**
 * With the keyboard only: Add-ons moves above Temperature, "Well done" moves up twice (focus stays on its
 * button, and at the top the button no longer moves it), and the course goes to 9, the schema's last.
 */
async function reorderByKeyboard(page: Page, editor: Locator) {
  await editor.getByRole('button', { name: 'Move Add-ons up' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => editor.locator('[data-group-index="0"] legend + .field input').inputValue()).toBe('Add-ons');
  expect(await editor.getByRole('button', { name: 'Move Add-ons up' }).getAttribute('aria-disabled')).toBe('true');
  await editor.getByRole('button', { name: 'Move Well done up' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  await expect.poll(() => editor.getByLabel('Option of Temperature').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Well done', 'Rare', 'Medium rare']);
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Move Well done up');
  const course = editor.getByLabel('Course of a new line');
  expect(await course.locator('option').allInnerTexts()).toHaveLength(9);
  await course.selectOption({ label: 'Course 9' });
}

describe('the menu editor defines modifier groups', () => {
  it('on a phone (390×844): define, correct, save, 86, reorder and order', async () => {
    await defineAndOrder('phone', 'wings', 890);
  });

  it('on a desktop: define, correct, save, 86, reorder and order', async () => {
    await defineAndOrder('desktop', 'fries', 450);
  });
});
