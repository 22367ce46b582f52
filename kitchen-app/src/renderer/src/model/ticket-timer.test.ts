import { describe, expect, it } from 'vitest';
import { defaultThresholds } from './ticket-facts.ts';
import { agingTone, formatElapsed } from './ticket-timer.ts';

const min = 60_000;

describe('ticket aging colour', () => {
  it('is green before the station’s warn minutes, amber until its late minutes, red after', () => {
    expect(agingTone(4 * min, 0, defaultThresholds)).toBe('ok');
    expect(agingTone(5 * min, 0, defaultThresholds)).toBe('warn');
    expect(agingTone(9 * min, 0, defaultThresholds)).toBe('warn');
    expect(agingTone(10 * min, 0, defaultThresholds)).toBe('late');
  });
  it('two tickets fired at the same time have the same colour, whatever their ETA', () => {
    expect(agingTone(9 * min, 0, defaultThresholds)).toBe(agingTone(9 * min, 0, defaultThresholds));
  });
  it('follows the thresholds set on the station', () => {
    const pastry = { warnMinutes: 15, lateMinutes: 25 };
    expect(agingTone(12 * min, 0, pastry)).toBe('ok');
    expect(agingTone(20 * min, 0, pastry)).toBe('warn');
    expect(agingTone(26 * min, 0, pastry)).toBe('late');
  });
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
