import { describe, expect, it } from 'vitest';
import { bearerToken, generateToken, hashToken, sameHash } from './tokens.ts';

describe('tokens', () => {
  it('carry at least 128 random bits and name their role', () => {
    const token = generateToken('kitchen');
    expect(token).toMatch(/^ks_kitchen_[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token.slice('ks_kitchen_'.length), 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(new Set(Array.from({ length: 200 }, () => generateToken('manager'))).size).toBe(200);
  });

  it('are stored only as a hash that does not contain them', () => {
    const token = generateToken('manager');
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(sameHash(hash, hashToken(token))).toBe(true);
    expect(sameHash(hash, hashToken(`${token}x`))).toBe(false);
  });

  it('are read from a Bearer header and nothing else', () => {
    expect(bearerToken('Bearer ks_manager_abcdefghijklmnop')).toBe('ks_manager_abcdefghijklmnop');
    expect(bearerToken('bearer   ks_manager_abcdefghijklmnop ')).toBe('ks_manager_abcdefghijklmnop');
    expect(bearerToken('Basic ks_manager_abcdefghijklmnop')).toBeUndefined();
    expect(bearerToken('Bearer short')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
