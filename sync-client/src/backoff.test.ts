import { describe, expect, it } from 'vitest';
import { defaultBackoff, reconnectDelay } from './backoff.ts';

const opts = { baseMs: 500, maxMs: 15_000 };

describe('reconnect backoff', () => {
  it('doubles with each attempt', () => {
    expect([0, 1, 2, 3].map((a) => reconnectDelay(a, 1, opts))).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelay(10, 1, opts)).toBe(15_000);
    expect(reconnectDelay(10_000, 1, opts)).toBe(15_000);
  });

  it('jitter keeps the delay between half and all of the step', () => {
    expect(reconnectDelay(2, 0, opts)).toBe(1000);
    expect(reconnectDelay(2, 0.5, opts)).toBe(1500);
    for (let i = 0; i < 100; i++) {
      const d = reconnectDelay(3, Math.random(), opts);
      expect(d).toBeGreaterThanOrEqual(2000);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('out-of-range randomness and negative attempts are clamped', () => {
    expect(reconnectDelay(-3, 7, opts)).toBe(500);
    expect(reconnectDelay(0, -1, opts)).toBe(250);
  });

  it('by default a screen retries at least every 1.5 s, so it is back within 2 s of the server', () => {
    for (const attempt of [0, 3, 50]) expect(reconnectDelay(attempt, 1, defaultBackoff)).toBeLessThanOrEqual(1500);
  });
});
