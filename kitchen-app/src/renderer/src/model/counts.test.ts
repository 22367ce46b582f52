import { describe, expect, it } from 'vitest';
import { expoCounts, stationCounts } from './counts.ts';

describe('screen counts', () => {
  it('a station counts its open tickets, held courses apart', () => {
    expect(stationCounts(12, 3)).toEqual({ main: 12, words: '12 open tickets', held: 3 });
    expect(stationCounts(1, 0).words).toBe('1 open ticket');
  });
  it('expo counts orders at the pass', () => {
    expect(expoCounts(38).words).toBe('38 orders at the pass');
    expect(expoCounts(1).words).toBe('1 order at the pass');
  });
});
