import { describe, expect, it } from 'vitest';
import { orderNumber } from './order-number.ts';

describe('order number', () => {
  it('is the last four letters or digits of the id, upper-cased', () => {
    expect(orderNumber('ord_9b2f-7f3a')).toBe('#7F3A');
    expect(orderNumber('ab')).toBe('#AB');
  });
});
