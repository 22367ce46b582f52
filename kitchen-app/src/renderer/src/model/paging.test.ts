import { describe, expect, it } from 'vitest';
import { firstOnPage, pageSummary } from './paging.ts';
import { layoutRail } from './rail-layout.ts';

const box = { columns: 2, height: 400, gap: 10, continued: 20 };
const card = (items: number) => ({ chrome: 100, items: Array.from({ length: items }, () => 45) });

describe('paging the rail', () => {
  // Six 190 px tickets: two a column, four a page.
  const layout = layoutRail(6, () => card(2), box);

  it('counts what waits on later pages and the age of the oldest of them', () => {
    const fired = [100, 200, 300, 400, 500, 600];
    expect(pageSummary(layout, 0, 6, (i) => fired[i])).toEqual({ later: 2, oldestLaterAt: 500, olderOffScreen: undefined });
    expect(pageSummary(layout, 1, 6, (i) => fired[i])).toMatchObject({ later: 0, oldestLaterAt: undefined });
  });

  it('says when a ticket off screen is older than everything on it', () => {
    const fired = [100, 200, 300, 400, 500, 600];
    expect(pageSummary(layout, 1, 6, (i) => fired[i]).olderOffScreen).toEqual({ index: 0, page: 0, at: 100 });
    const rushed = [900, 900, 900, 900, 50, 600];
    expect(pageSummary(layout, 0, 6, (i) => rushed[i]).olderOffScreen).toEqual({ index: 4, page: 1, at: 50 });
  });

  it('held courses and voids wait but never count as older', () => {
    expect(pageSummary(layout, 0, 6, (i) => (i < 4 ? 500 : undefined))).toEqual({ later: 2, oldestLaterAt: undefined, olderOffScreen: undefined });
  });

  it('a page move lands on the first ticket starting on that page, or on the item a continued one resumes at', () => {
    expect(firstOnPage(layout, 1)).toEqual({ index: 4, item: undefined });
    const long = layoutRail(2, (i) => (i === 0 ? card(3) : card(30)), box);
    const onlyContinued = long.pages.findIndex((p, n) => n > 0 && p.flat().every((s) => s.part > 1));
    expect(onlyContinued).toBeGreaterThan(0);
    expect(firstOnPage(long, onlyContinued)).toMatchObject({ index: 1, item: expect.any(Number) });
    expect(long.pageOf(1, firstOnPage(long, onlyContinued)?.item)).toBe(onlyContinued);
    expect(firstOnPage(layout, 7)).toBeUndefined();
  });
});
