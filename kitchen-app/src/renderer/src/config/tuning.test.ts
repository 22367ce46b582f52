import { describe, expect, it } from 'vitest';
import { parseTuning } from './tuning.ts';

describe('tuning from the URL', () => {
  it('defaults the stuck alarm to 30 s', () => expect(parseTuning('').stuckAfterMs).toBe(30_000));
  it('takes a sane stuckAfterMs', () => expect(parseTuning('?stuckAfterMs=5000').stuckAfterMs).toBe(5000));
  it('ignores nonsense', () => {
    expect(parseTuning('?stuckAfterMs=abc').stuckAfterMs).toBe(30_000);
    expect(parseTuning('?stuckAfterMs=5').stuckAfterMs).toBe(30_000);
  });
});
