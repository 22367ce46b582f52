import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/server.ts';
import { axeCounts } from './axe.ts';
import { screenshot } from './browser.ts';
import { screens } from './kitchen-world.ts';
import { average, readAllPages } from './rush-pages.ts';
import { startRushWorld, type RushWorld } from './rush-world.ts';

let rush: RushWorld;
beforeAll(async () => {
  rush = await startRushWorld();
}, 240_000);
afterAll(async () => rush?.world.stop());

const goal = (width: number) => (width >= 1920 ? { rail: 14, expo: 16 } : { rail: 8, expo: 8 });

describe.each(screens)('a Saturday rush at $name', (screen) => {
  it('the rail packs its columns: ordinary tickets per page meet the goal, no column empty while tickets wait, no line clipped', async () => {
    const { page } = await rush.world.openKitchen(rush.stations, { viewport: screen });
    await page.locator('.rail__pager[data-pages]').first().waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-open-count]')?.getAttribute('data-open-count')) > 60, undefined, { timeout: 20_000 });
    const readings = await readAllPages(page);
    const full = readings.slice(0, -1);
    const perPage = full.map((r) => r.ordinary);
    console.log(`rail ${screen.name}: ${readings.length} pages, ordinary tickets per page ${perPage.join(',')} (last ${readings.at(-1)?.ordinary}); average ${average(perPage).toFixed(1)}, first ${readings[0]?.ordinary}`);
    expect(average(perPage)).toBeGreaterThanOrEqual(goal(screen.width).rail);
    expect(readings.every((r) => r.allVisible)).toBe(true);
    expect(full.every((r) => r.emptyColumns === 0)).toBe(true);
    await page.keyboard.press('PageUp');
    await screenshot(page, `rush-rail-${screen.name}`);
    expect((await axeCounts(page)).details).toEqual([]);
  });

  it('fire order: oldest fired first; a RUSH order goes first, marked, on the rail and at expo', async () => {
    const { page } = await rush.world.openKitchen(rush.stations, { viewport: screen });
    await page.locator('.rail__pager[data-page="1"]').first().waitFor();
    const firstId = async () => (await page.locator('article.ticket').first().getAttribute('data-ticket-id')) ?? '';
    for (let i = 0; i < 30; i++) await page.keyboard.press('PageUp');
    // The first card is one of the first order's tickets (the void of the cancelled order shows before the work).
    const open = (await api<{ items: { id: string; orderId: string; firedAt?: number; createdAt: number; status: string }[] }>(rush.world.server, rush.world.tenant.kitchenToken, 'GET', '/api/kitchen/orders?limit=200')).body.items;
    const work = open.filter((t) => t.status === 'queued' || t.status === 'in_progress').sort((a, b) => (a.firedAt ?? a.createdAt) - (b.firedAt ?? b.createdAt));
    const firstWork = page.locator('article.ticket:not(.ticket--void)').first();
    expect(await firstWork.getAttribute('data-ticket-id')).toBe(work[0]?.id);
    expect(rush.big.some((b) => (work[0]?.id ?? '').startsWith(b))).toBe(false);

    const expoPage = (await rush.world.openKitchen('all', { viewport: screen })).page;
    await expoPage.locator('.expo-card').first().waitFor();
    expect(await api(rush.world.server, rush.world.tenant.managerToken, 'PUT', `/api/orders/${rush.youngest}/rush`, { rush: true }).then((r) => r.status)).toBe(200);
    await expect.poll(async () => (await firstWork.getAttribute('data-ticket-id'))?.startsWith(`${rush.youngest}.`), { timeout: 15_000 }).toBe(true);
    expect(await firstWork.locator('.badge--rush').innerText()).toBe('RUSH');
    const firstExpo = expoPage.locator('.expo-card').first();
    await expect.poll(() => firstExpo.getAttribute('data-order-id'), { timeout: 15_000 }).toBe(rush.youngest);
    await screenshot(expoPage, `rush-flag-expo-${screen.name}`);
    // Expo takes the flag off with the card's control; the order goes back to its place.
    await firstExpo.locator('.btn--rush').click();
    await expect.poll(async () => (await api(rush.world.server, rush.world.tenant.managerToken, 'GET', `/api/orders/${rush.youngest}`)).body.rush, { timeout: 15_000 }).toBe(false);
    await expect.poll(firstId, { timeout: 15_000 }).not.toMatch(new RegExp(`^${rush.youngest}\\.`));
  });

  it('paging: keys move a whole page and back, shown in the legend; the footer counts what waits and the header says the same', async () => {
    const { page } = await rush.world.openKitchen(rush.stations, { viewport: screen });
    const pager = page.locator('.rail__pager').first();
    await pager.waitFor();
    expect(await page.locator('.keymap').innerText()).toMatch(/PgDn PgUp/);
    expect(await pager.getAttribute('data-page')).toBe('1');
    const later = Number(await pager.getAttribute('data-later'));
    expect(later).toBeGreaterThan(0);
    expect(await pager.innerText()).toMatch(new RegExp(`${later} tickets on later pages, oldest waiting \\d+:\\d\\d`));
    // The header and the footer say the same count in the same words.
    const words = (await page.locator('.screen__count').innerText()).split(' · ')[0] ?? '';
    expect(words).toMatch(/^\d+ open tickets$/);
    expect(await pager.innerText()).toContain(words);
    await page.keyboard.press('PageDown');
    await expect.poll(() => pager.getAttribute('data-page')).toBe('2');
    // Page 1's tickets are older than anything on page 2: the screen says so.
    expect(await page.locator('.rail__older').innerText()).toMatch(/older ticket off screen: .+ on page 1/);
    await screenshot(page, `rush-page-2-${screen.name}`);
    await page.keyboard.press(']');
    await expect.poll(() => pager.getAttribute('data-page')).toBe('3');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('[');
    await expect.poll(() => pager.getAttribute('data-page')).toBe('1');
    expect(await page.locator('.rail__older').count()).toBe(0);
  });

  it('expo: orders per page meet the goal; cards list items per station and age like the station rails; counts agree', async () => {
    const { page } = await rush.world.openKitchen('all', { viewport: screen });
    await page.locator('.expo-card').first().waitFor();
    const withVoids = await readAllPages(page);
    console.log(`expo ${screen.name}, the void still beside the board: orders per page ${withVoids.map((r) => r.orders).join(',')}`);
    // Expo acknowledges the void (a), and the board has the screen's whole width.
    for (let i = 0; i < 6 && (await page.locator('article.ticket--void').count()) > 0; i++) await page.keyboard.press('a');
    await expect.poll(() => page.locator('article.ticket--void').count()).toBe(0);
    const readings = await readAllPages(page);
    const perPage = readings.slice(0, -1).map((r) => r.orders);
    console.log(`expo ${screen.name}: ${readings.length} pages, orders per page ${readings.map((r) => r.orders).join(',')}; average of full pages ${average(perPage).toFixed(1)}`);
    expect(average(perPage.length > 0 ? perPage : [readings[0]?.orders ?? 0])).toBeGreaterThanOrEqual(goal(screen.width).expo);
    expect(readings.every((r) => r.allVisible)).toBe(true);
    const total = Number(await page.locator('.expo').getAttribute('data-order-count'));
    expect(await page.locator('.screen__count').innerText()).toBe(`${total} orders at the pass`);
    expect(await page.locator('.expo .rail__pager').innerText()).toContain(`${total} orders at the pass`);
    for (let i = 0; i < 10; i++) await page.keyboard.press('PageUp');
    const card = page.locator(`.expo-card[data-order-id="${rush.big[0]}"]`);
    await card.waitFor();
    expect(await card.locator('.expo-item').count()).toBe(11);
    expect(await card.locator('.expo-item').first().innerText()).toMatch(/^2× Ribeye|^1× Ribeye/);
    expect((await axeCounts(page)).details).toEqual([]);
  });

  it('86 is on the line: a strip above the rail and in ALL DAY', async () => {
    const { page } = await rush.world.openKitchen([rush.world.stations['Grill']!], { viewport: screen });
    const strip = page.locator('.sold-out-strip');
    await strip.waitFor();
    expect(await strip.innerText()).toMatch(/86\s*Ribeye/);
    const allDay = page.locator('.all-day');
    expect(await allDay.locator('.all-day__86').innerText()).toMatch(/86\s*Ribeye/);
    expect(await allDay.locator('.all-day--out .badge--86').count()).toBe(1);
    await screenshot(page, `rush-86-${screen.name}`);
    expect((await axeCounts(page)).details).toEqual([]);
  });
});
