import { describe, expect, it } from 'vitest';
import { customRange, daysIn, inRange, parseDateInput, presetRange, startOfDay, toDateInput } from './date-range.ts';

const local = (y: number, m: number, d: number, h = 0) => new Date(y, m - 1, d, h).getTime();

describe('date ranges', () => {
  const now = local(2025, 3, 10, 15);

  it('today runs from local midnight to the next midnight', () => {
    expect(presetRange('today', now)).toEqual({ from: local(2025, 3, 10), to: local(2025, 3, 11) });
    expect(startOfDay(now)).toBe(local(2025, 3, 10));
  });

  it('yesterday and the last seven days end where they should', () => {
    expect(presetRange('yesterday', now)).toEqual({ from: local(2025, 3, 9), to: local(2025, 3, 10) });
    expect(presetRange('last7', now)).toEqual({ from: local(2025, 3, 4), to: local(2025, 3, 11) });
    expect(daysIn(presetRange('last30', now))).toHaveLength(30);
  });

  it('a custom range includes both days, whichever order they are picked in', () => {
    expect(customRange('2025-03-05', '2025-03-01')).toEqual({ from: local(2025, 3, 1), to: local(2025, 3, 6) });
    expect(customRange('2025-02-30', '2025-03-01')).toBeUndefined();
    expect(customRange('', '2025-03-01')).toBeUndefined();
  });

  it('date inputs round-trip and ranges are half-open', () => {
    expect(toDateInput(now)).toBe('2025-03-10');
    expect(parseDateInput('2025-03-10')).toBe(local(2025, 3, 10));
    const range = presetRange('today', now);
    expect(inRange(range.from, range)).toBe(true);
    expect(inRange(range.to, range)).toBe(false);
  });
});
