import { describe, expect, it } from 'vitest';
import { etaFor, minutesLate } from './eta.ts';

describe('eta', () => {
  it('a confirmed order counts down whole minutes to the kitchen ETA', () => {
    expect(etaFor({ status: 'confirmed', etaAt: 10 * 60_000 }, 60_000)).toEqual({ kind: 'minutes', minutes: 9, at: 600_000 });
    expect(etaFor({ status: 'in_preparation', etaAt: 10 * 60_000 }, 8.5 * 60_000)).toEqual({ kind: 'minutes', minutes: 2, at: 600_000 });
  });

  it('under a minute either side of the ETA it is "any minute now"', () => {
    expect(etaFor({ status: 'in_preparation', etaAt: 60_000 }, 30_000)).toEqual({ kind: 'any-minute' });
    expect(etaFor({ status: 'in_preparation', etaAt: 60_000 }, 110_000)).toEqual({ kind: 'any-minute' });
  });

  it('a minute or more past the ETA it is late, by whole minutes, and says whether cooking began', () => {
    expect(etaFor({ status: 'confirmed', etaAt: 60_000 }, 13 * 60_000 + 5_000)).toEqual({ kind: 'late', minutes: 12, at: 60_000, started: false });
    expect(etaFor({ status: 'in_preparation', etaAt: 60_000 }, 8 * 60_000)).toEqual({ kind: 'late', minutes: 7, at: 60_000, started: true });
    expect(minutesLate({ status: 'in_preparation', etaAt: 60_000 }, 8 * 60_000)).toBe(7);
    expect(minutesLate({ status: 'ready', etaAt: 60_000 }, 8 * 60_000)).toBe(0);
  });

  it('before confirmation there is no ETA; afterwards the phase speaks for itself', () => {
    expect(etaFor({ status: 'draft', etaAt: undefined }, 0)).toEqual({ kind: 'waiting' });
    expect(etaFor({ status: 'confirmed', etaAt: undefined }, 0)).toEqual({ kind: 'waiting' });
    expect(etaFor({ status: 'ready', etaAt: 5 }, 0)).toEqual({ kind: 'ready' });
    expect(etaFor({ status: 'delivering', etaAt: 5 }, 0)).toEqual({ kind: 'out' });
    expect(etaFor({ status: 'delivered', etaAt: 5 }, 0)).toEqual({ kind: 'done' });
    expect(etaFor({ status: 'cancelled', etaAt: 5 }, 0)).toEqual({ kind: 'cancelled' });
  });
});
