import { describe, expect, it } from 'vitest';
import { niceScale } from './chart-scale.ts';

describe('chart scale', () => {
  it('rounds the maximum up to a readable step', () => {
    expect(niceScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(niceScale(93)).toEqual({ max: 100, ticks: [0, 50, 100] });
    expect(niceScale(130).max).toBe(150);
  });

  it('an empty chart still has an axis', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 0.5, 1] });
    expect(niceScale(0, 4, 4).max).toBe(4);
  });
});
