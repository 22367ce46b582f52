import { describe, expect, it } from 'vitest';
import { formatElapsed, timerTone } from './ticket-timer.ts';

describe('ticket timer colour', () => {
  const created = 0;
  const eta = 10 * 60_000;
  it('is green for most of the promised time', () => expect(timerTone(5 * 60_000, created, eta)).toBe('ok'));
  it('turns amber in the last quarter', () => expect(timerTone(8 * 60_000, created, eta)).toBe('warn'));
  it('turns red once the ETA has passed', () => {
    expect(timerTone(eta, created, eta)).toBe('late');
    expect(timerTone(eta + 1, created, eta)).toBe('late');
  });
  it('a ticket with no time budget is late at once', () => expect(timerTone(1, 0, 0)).toBe('late'));
});

describe('elapsed time', () => {
  it.each([
    [0, '0:00'],
    [7_000, '0:07'],
    [247_000, '4:07'],
    [4_390_000, '73:10'],
    [-5, '0:00'],
  ])('%i ms reads %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});
