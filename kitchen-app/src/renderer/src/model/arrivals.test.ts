import { describe, expect, it } from 'vitest';
import { clearArrival, expireArrivals, isNew, newForMs, nextExpiry, noArrivals, observeArrivals } from './arrivals.ts';

const opened = 1_000_000;
const t = (id: string, firedAt: number, recalledAt?: number) => ({ id, createdAt: firedAt, firedAt, ...(recalledAt ? { recalledAt } : {}) });

describe('ticket arrivals', () => {
  it('tickets already there when the screen opens are not new', () => {
    const { next, added } = observeArrivals(noArrivals, [t('a', 1), t('b', 2)], opened, opened);
    expect(added).toEqual([]);
    expect(isNew(next, 'a', opened)).toBe(false);
  });
  it('tickets that were waiting but came in after the first sync (a late pull) are not new either', () => {
    const first = observeArrivals(noArrivals, [], opened, opened).next;
    expect(observeArrivals(first, [t('old', opened - 60_000)], opened + 500, opened).added).toEqual([]);
  });
  it('a ticket fired while the screen is open is new for a short while', () => {
    const first = observeArrivals(noArrivals, [t('a', 1)], opened, opened).next;
    const { next, added } = observeArrivals(first, [t('a', 1), t('b', opened + 10_000)], opened + 10_000, opened);
    expect(added).toEqual(['b']);
    expect(isNew(next, 'b', opened + 15_000)).toBe(true);
    expect(isNew(next, 'b', opened + 30_000)).toBe(false);
  });
  it('touching a new ticket clears its badge', () => {
    const first = observeArrivals(noArrivals, [], opened, opened).next;
    const { next } = observeArrivals(first, [t('b', opened + 1)], opened + 1, opened);
    expect(isNew(clearArrival(next, 'b'), 'b', opened + 2)).toBe(false);
  });
  it('a badge nobody touched expires on its own, and the next expiry is known', () => {
    const first = observeArrivals(noArrivals, [], opened, opened).next;
    const { next } = observeArrivals(first, [t('b', opened + 1)], opened + 1, opened);
    expect(nextExpiry(next)).toBe(opened + 1 + newForMs);
    expect(expireArrivals(next, opened + 2)).toBe(next);
    const expired = expireArrivals(next, opened + 1 + newForMs);
    expect(isNew(expired, 'b', opened + 2)).toBe(false);
    expect(nextExpiry(expired)).toBeUndefined();
  });
  it('a recalled ticket coming back is not an arrival', () => {
    const first = observeArrivals(noArrivals, [], opened, opened).next;
    expect(observeArrivals(first, [t('r', opened + 1, opened + 2)], opened + 3, opened).added).toEqual([]);
  });
  it('nothing added keeps the same state', () => {
    const first = observeArrivals(noArrivals, [t('a', 1)], 1, opened).next;
    expect(observeArrivals(first, [t('a', 1)], 2, opened).next).toBe(first);
  });
});
