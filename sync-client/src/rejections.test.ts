import { describe, expect, it } from 'vitest';
import { rejectionPrefix, sortRejections } from './rejections.ts';

const rejection = (mutationID: number) => ({
  id: `rejection/c1/${mutationID}`,
  clientID: 'c1',
  mutationID,
  mutationName: 'bumpKitchenOrder',
  code: 'illegal_transition',
  message: 'ticket is cancelled',
  at: 1,
});

describe('rejections', () => {
  it('are listed oldest mutation first', () => {
    expect(sortRejections([rejection(12), rejection(3)]).map((r) => r.mutationID)).toEqual([3, 12]);
  });

  it('malformed values are skipped rather than crashing the screen', () => {
    expect(sortRejections([{ nope: true }, rejection(1)])).toHaveLength(1);
  });

  it('live under rejection/<clientID>/', () => {
    expect(rejectionPrefix('abc')).toBe('rejection/abc/');
  });
});
