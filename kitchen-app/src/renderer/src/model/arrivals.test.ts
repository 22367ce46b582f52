import { describe, expect, it } from 'vitest';
import { isNew, noArrivals, observeArrivals } from './arrivals.ts';

describe('ticket arrivals', () => {
  it('tickets already there when the screen opens are not new', () => {
    const { next, added } = observeArrivals(noArrivals, ['a', 'b'], 1_000_000);
    expect(added).toEqual([]);
    expect(isNew(next, 'a', 1_000_000)).toBe(false);
  });

  it('a ticket that arrives later is new for a while', () => {
    const first = observeArrivals(noArrivals, ['a'], 1_000_000).next;
    const { next, added } = observeArrivals(first, ['a', 'b'], 2_000_000);
    expect(added).toEqual(['b']);
    expect(isNew(next, 'b', 2_005_000)).toBe(true);
    expect(isNew(next, 'b', 2_030_000)).toBe(false);
  });

  it('nothing added keeps the same state', () => {
    const first = observeArrivals(noArrivals, ['a'], 1).next;
    expect(observeArrivals(first, ['a'], 2).next).toBe(first);
  });
});
