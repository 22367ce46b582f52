import { describe, expect, it } from 'vitest';
import { layoutRail, split, type CardHeights } from './rail-layout.ts';

const box = { columns: 3, height: 600, gap: 10, continued: 20 };
const card = (items: number, each = 50, chrome = 100): CardHeights => ({ chrome, items: Array.from({ length: items }, () => each) });
const ids = (layout: ReturnType<typeof layoutRail>) =>
  layout.pages.map((cols) => cols.map((col) => col.map((s) => (s.parts > 1 ? `${s.ticketIndex}:${s.part}/${s.parts}` : `${s.ticketIndex}`))));

describe('laying out the rail', () => {
  it('stacks cards of their own height top to bottom, then moves to the next column', () => {
    const layout = layoutRail(5, () => card(2), box); // 200 px each: three and their gaps overflow 600 px
    expect(ids(layout)).toEqual([[['0', '1'], ['2', '3'], ['4']]]);
  });

  it('starts a new page when the columns are full, and finds the page of a ticket', () => {
    const layout = layoutRail(8, () => card(2), box);
    expect(layout.pages).toHaveLength(2);
    expect(layout.pageOf(5)).toBe(0);
    expect(layout.pageOf(6)).toBe(1);
  });

  it('a long ticket starts low in a column and continues at the top of the next', () => {
    const layout = layoutRail(2, (i) => (i === 0 ? card(1) : card(12)), box);
    expect(ids(layout)).toEqual([[['0', '1:1/2'], ['1:2/2']]]);
    const [first, second] = layout.pages[0] ?? [];
    // 150 px used: 440 left for chrome, the marker and six 50 px lines.
    expect(first?.[1]).toMatchObject({ from: 0, to: 6 });
    expect(second?.[0]).toMatchObject({ from: 6, to: 12 });
  });

  it('a short ticket that does not fit under the last card moves whole to the next column', () => {
    const layout = layoutRail(4, (i) => (i === 3 ? card(3) : card(2, 50, 80)), box);
    // Three 180 px cards fill 560 px; a 250 px ticket of three lines starts the next column.
    expect(ids(layout)).toEqual([[['0', '1', '2'], ['3']]]);
  });

  it('continues across a page boundary instead of leaving columns empty', () => {
    const layout = layoutRail(6, (i) => (i === 5 ? card(12) : card(2)), box);
    // The long ticket starts under the last column's one card and goes on at the top of page 2.
    expect(ids(layout)).toEqual([[['0', '1'], ['2', '3'], ['4', '5:1/2']], [['5:2/2']]]);
    expect(layout.pageOf(5)).toBe(0);
    expect(layout.pageOf(5, 11)).toBe(1);
  });

  it('no column is empty while a later page has cards', () => {
    const heights = (i: number) => card(1 + ((i * 7) % 11), 30 + ((i * 13) % 40));
    const layout = layoutRail(90, heights, box);
    for (const page of layout.pages.slice(0, -1)) {
      expect(page).toHaveLength(box.columns);
      for (const column of page) expect(column.length).toBeGreaterThan(0);
    }
  });

  it('cards that must stay whole (expo) start the next column instead of splitting', () => {
    const layout = layoutRail(2, (i) => (i === 0 ? card(1) : card(8)), { ...box, whole: true });
    expect(ids(layout)).toEqual([[['0'], ['1']]]);
  });

  it('an empty rail is one empty page', () => {
    const layout = layoutRail(0, () => card(1), box);
    expect(layout.pages).toEqual([[[]]]);
    expect(layout.pageOf(0)).toBe(0);
  });
});

describe('splitting a tall card', () => {
  it('keeps at least one item per card, even one taller than the column', () => {
    expect(split({ chrome: 100, items: [900, 50] }, box, 600).map((r) => [r.from, r.to])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
  it('the last part carries only its "continued from" marker', () => {
    const runs = split(card(12), box, 600);
    expect(runs.map((r) => [r.from, r.to, r.height])).toEqual([
      [0, 9, 100 + 20 + 450],
      [9, 12, 100 + 20 + 150],
    ]);
  });
});
