import { describe, expect, it } from 'vitest';
import { parseStatus } from './escpos.ts';

describe('ESC/POS real-time status', () => {
  it('a ready printer answers 0x12 to each request', () => {
    expect(parseStatus([0x12, 0x12, 0x12])).toEqual({ offline: false, coverOpen: false, paperOut: false });
  });

  it('reads offline, cover open and paper end from their bits', () => {
    expect(parseStatus([0x1a, 0x12, 0x12]).offline).toBe(true);
    expect(parseStatus([0x12, 0x16, 0x12]).coverOpen).toBe(true);
    expect(parseStatus([0x12, 0x12, 0x72]).paperOut).toBe(true);
    expect(parseStatus([0x12, 0x32, 0x12]).paperOut).toBe(true);
  });
});
