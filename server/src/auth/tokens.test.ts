import { describe, expect, it } from 'vitest';
import { bearerToken, generateToken, hashToken, sameHash } from './tokens.ts';

describe('tokens', () => {
  it('carry at least 128 random bits and name their role', () => {
    const token = generateToken('kitchen');
    expect(token).toMatch(/^ks_kitchen_[A-Za-z0-9_-]{32}$/);
    expect(Buffer.from(token.slice('ks_kitchen_'.length), 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    // Drawn from a pool of 4 KiB (170 tokens): 2,000 cross a dozen refills, and no bytes come twice.
    const many = Array.from({ length: 2000 }, () => Buffer.from(generateToken('manager').slice('ks_manager_'.length), 'base64url'));
    expect(new Set(many.map((b) => b.toString('hex'))).size).toBe(2000);
    expect(new Set(many.flatMap((b) => [0, 8, 16].map((at) => b.subarray(at, at + 8).toString('hex')))).size).toBe(6000);
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
