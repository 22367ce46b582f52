import { describe, expect, it } from 'vitest';
import { displayNumber, orderNumber, orderNumberAlphabet, serviceDayOf, terminalCode, ticketNumberOf } from './order-number.ts';

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

describe('terminal codes and service days', () => {
  it('codes are distinct for distinct terminals of a day, one letter for the first sixteen', () => {
    const codes = Array.from({ length: 16 * 17 + 5 }, (_, i) => terminalCode(i));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.slice(0, 3)).toEqual(['A', 'C', 'E']);
    expect(codes[15]).toBe('Y');
    expect(codes[16]).toBe('AA');
    expect(codes[16 + 256]).toBe('AAA');
    for (const c of codes) expect(c).toMatch(/^[ACEFHJKMNPRTVWXY]+$/);
  });

  it('a service day rolls over at 04:00 local time, not at midnight', () => {
    const paris = 60;
    expect(serviceDayOf(Date.UTC(2026, 11, 5, 22, 30), paris)).toBe('2026-12-05');
    expect(serviceDayOf(Date.UTC(2026, 11, 6, 2, 59), paris)).toBe('2026-12-05');
    expect(serviceDayOf(Date.UTC(2026, 11, 6, 3, 0), paris)).toBe('2026-12-06');
  });

  it("screens show an order's number, '#…' while the server numbers a new one, and older orders' four characters", () => {
    expect(displayNumber({ id: 'o1', number: 'A-12', serviceDay: '2026-12-05' })).toBe('#A-12');
    expect(displayNumber({ id: 'o1', serviceDay: '2026-12-05' })).toBe('#…');
    expect(displayNumber({ id: 'o1' })).toBe(orderNumber('o1'));
    expect(ticketNumberOf({ orderId: 'o1', number: '7' })).toBe('#7');
  });
});
