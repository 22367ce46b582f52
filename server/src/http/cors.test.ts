import { describe, expect, it } from 'vitest';
import { parseCorsOrigins } from './cors.ts';

describe('CORS_ORIGINS', () => {
  it('is `*` or a list of exact http(s) origins, normalised', () => {
    expect(parseCorsOrigins(' * ')).toBe('*');
    expect(parseCorsOrigins('http://hub.local:8787, https://cloud.example.com/')).toEqual(['http://hub.local:8787', 'https://cloud.example.com']);
    expect(parseCorsOrigins('')).toEqual([]);
  });

  it('refuses what is not an origin: a path, another scheme, words', () => {
    expect(parseCorsOrigins('https://cloud.example.com/app')).toBeUndefined();
    expect(parseCorsOrigins('ftp://cloud.example.com')).toBeUndefined();
    expect(parseCorsOrigins('hub.local')).toBeUndefined();
  });
});
