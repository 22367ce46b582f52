import { describe, expect, it } from 'vitest';
import { pickEncoding } from './static-files.ts';

describe('choosing a content encoding', () => {
  it('brotli when offered, else gzip, else the plain bytes; q=0 refuses one', () => {
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0.5')).toBe('br');
    expect(pickEncoding('GZIP')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBe('identity');
    expect(pickEncoding(undefined)).toBe('identity');
    expect(pickEncoding('br;q=0')).toBe('identity');
  });
});
