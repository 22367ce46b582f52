import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatMoney, formatPrep, lineLabel, orderNumber, parsePrice, tableLabel } from './format.ts';

describe('format', () => {
  it('money is shown from cents in the configured currency', () => {
    expect(formatMoney(1290, 'EUR', 'en-GB')).toBe('€12.90');
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
  });

  it('prices are typed with a dot or a comma', () => {
    expect(parsePrice('12.9')).toBe(1290);
    expect(parsePrice('12,90')).toBe(1290);
    expect(parsePrice('7')).toBe(700);
    expect(parsePrice('-1')).toBeUndefined();
    expect(parsePrice('1.234')).toBeUndefined();
  });

  it('an order number is the shared one: four characters without look-alikes', () => {
    expect(orderNumber('o-20250101-7f3a')).toMatch(/^#[ACEFHJKMNPRTVWXY3479]{4}$/);
  });

  it('durations read in seconds, then minutes, then hours and minutes', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(7 * 60_000)).toBe('7 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration(-5)).toBe('0 s');
  });

  it('a card’s age is compact', () => {
    expect([formatAge(45_000), formatAge(12 * 60_000 + 5_000), formatAge(80 * 60_000)]).toEqual(['45s', '12m', '1h 20m']);
  });

  it('prep times keep odd seconds and lines put the quantity first', () => {
    expect(formatPrep(540)).toBe('9 min');
    expect(formatPrep(90)).toBe('1 min 30 s');
    expect(formatPrep(40)).toBe('40 s');
    expect(lineLabel({ quantity: 2, name: 'Burger' })).toBe('2 × Burger');
  });

  it('a table reads with its guests, either alone, or not at all', () => {
    expect(tableLabel({ table: '12', guests: 4 })).toBe('Table 12 · 4 guests');
    expect(tableLabel({ table: '3' })).toBe('Table 3');
    expect(tableLabel({ guests: 1 })).toBe('1 guest');
    expect(tableLabel({})).toBeUndefined();
  });
});
