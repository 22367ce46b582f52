import { describe, expect, it } from 'vitest';
import { etaFor } from './eta.ts';

describe('eta', () => {
  it('a confirmed order counts down whole minutes to the kitchen ETA', () => {
    expect(etaFor({ status: 'confirmed', etaAt: 10 * 60_000 }, 60_000)).toEqual({ kind: 'minutes', minutes: 9, at: 600_000 });
    expect(etaFor({ status: 'in_preparation', etaAt: 10 * 60_000 }, 8.5 * 60_000)).toEqual({ kind: 'minutes', minutes: 2, at: 600_000 });
  });

  it('under a minute left, or past the ETA, it is "any minute now"', () => {
    expect(etaFor({ status: 'in_preparation', etaAt: 60_000 }, 30_000)).toEqual({ kind: 'any-minute' });
    expect(etaFor({ status: 'in_preparation', etaAt: 60_000 }, 600_000)).toEqual({ kind: 'any-minute' });
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
