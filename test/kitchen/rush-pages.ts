import type { Page } from 'playwright-core';
import { fullyVisible } from './visibility.ts';

/** What one page of a rail (or expo) shows, read from the DOM. */
export interface PageReading {
  readonly page: number;
  readonly pages: number;
  /** Cards of tickets with 1–3 lines, shown whole. */
  readonly ordinary: number;
  /** Expo's order cards. */
  readonly orders: number;
  readonly emptyColumns: number;
  readonly allVisible: boolean;
}

export async function readPage(page: Page): Promise<PageReading> {
  const pager = page.locator('.rail__pager').first();
  const counts = await page.evaluate(() => {
    const cards = [...document.querySelectorAll<HTMLElement>('.rail__grid article.ticket')];
    const ordinary = cards.filter((c) => c.dataset['parts'] === '1' && c.querySelectorAll('li.item').length <= 3).length;
    // A column is empty when no card stands at its place: count the cards' distinct left edges per grid.
    const emptyColumns = [...document.querySelectorAll<HTMLElement>('.rail__grid')]
      .map((grid) => Number(grid.dataset['columns']) - new Set([...grid.querySelectorAll('article')].map((c) => Math.round(c.getBoundingClientRect().left))).size)
      .reduce((a, b) => a + b, 0);
    return { ordinary, orders: document.querySelectorAll('.expo-card').length, emptyColumns };
  });
  const lines = await fullyVisible(page.locator('article.ticket li.item, .expo-card'));
  return {
    page: Number(await pager.getAttribute('data-page')),
    pages: Number(await pager.getAttribute('data-pages')),
    ...counts,
    allVisible: lines.every(Boolean),
  };
}

/** Reads every page from the first, turning pages with PgDn. */
export async function readAllPages(page: Page): Promise<PageReading[]> {
  for (let i = 0; i < 30; i++) await page.keyboard.press('PageUp');
  const readings: PageReading[] = [];
  for (;;) {
    await page.waitForTimeout(150);
    const r = await readPage(page);
    if (readings.some((x) => x.page === r.page)) break;
    readings.push(r);
    if (r.page >= r.pages) break;
    await page.keyboard.press('PageDown');
    await page.locator(`.rail__pager[data-page="${r.page + 1}"]`).first().waitFor({ timeout: 5_000 });
  }
  return readings;
}

export const average = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
