import { describe, expect, it } from 'vitest';
import { orderNumber, orderNumberAlphabet } from './order-number.ts';

describe('order number', () => {
  it('is four characters, none of which looks like another (no 0/O, 1/I/L, 2/Z, 5/S, 8/B)', () => {
    for (const id of ['ord_9b2f-7f3a', 'ab', 'o-0000', 'seed-a1c3', '']) {
      expect(orderNumber(id)).toMatch(/^#[ACEFHJKMNPRTVWXY3479]{4}$/);
    }
    expect(orderNumberAlphabet).not.toMatch(/[0O1IL2Z5S8BDQ6GU]/);
  });

  it('is the same for the same order on every screen, and differs between orders', () => {
    expect(orderNumber('ord_9b2f-7f3a')).toBe(orderNumber('ord_9b2f-7f3a'));
    const numbers = new Set(Array.from({ length: 1000 }, (_, i) => orderNumber(`ord_${i.toString(36)}`)));
    // 160,000 numbers: a thousand orders barely collide.
    expect(numbers.size).toBeGreaterThan(990);
  });
});
