import { describe, expect, it } from 'vitest';
import { layoutRail, splitCard, type CardHeights } from './rail-layout.ts';

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

  it('a ticket taller than a column continues on the next card, starting a fresh column', () => {
    const layout = layoutRail(2, (i) => (i === 0 ? card(1) : card(12)), box);
    expect(ids(layout)).toEqual([[['0'], ['1:1/2'], ['1:2/2']]]);
    const [, second, third] = layout.pages[0] ?? [];
    expect(second?.[0]).toMatchObject({ from: 0, to: 9 });
    expect(third?.[0]).toMatchObject({ from: 9, to: 12 });
  });

  it('the page of a picked item is the page of the card that shows it', () => {
    const layout = layoutRail(3, (i) => (i === 2 ? card(30) : card(1)), { ...box, columns: 2 });
    // Ticket 2 needs four cards of nine items: page 0 (beside the two small ones), 1, 1 and 2.
    expect(layout.pageOf(2, 0)).toBe(0);
    expect(layout.pageOf(2, 9)).toBe(1);
    expect(layout.pageOf(2, 29)).toBe(2);
  });

  it('a split ticket moves to the next page rather than straddle two', () => {
    const layout = layoutRail(3, (i) => (i === 2 ? card(12) : card(2)), box);
    expect(ids(layout)).toEqual([[['0', '1'], ['2:1/2'], ['2:2/2']]]);
    const crowded = layoutRail(5, (i) => (i === 4 ? card(12) : card(2)), box);
    expect(ids(crowded)).toEqual([[['0', '1'], ['2', '3']], [['4:1/2'], ['4:2/2']]]);
  });

  it('an empty rail is one empty page', () => {
    const layout = layoutRail(0, () => card(1), box);
    expect(layout.pages).toEqual([[[]]]);
    expect(layout.pageOf(0)).toBe(0);
  });
});

describe('splitting a tall card', () => {
  it('keeps at least one item per card, even one taller than the column', () => {
    expect(splitCard({ chrome: 100, items: [900, 50] }, box)).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });
  it('a card that fits stays whole', () => expect(splitCard(card(3), box)).toEqual([[0, 3]]));
});
