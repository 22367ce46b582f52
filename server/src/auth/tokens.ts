import { createHash, randomFillSync, randomUUID, timingSafeEqual } from 'node:crypto';

export const roles = ['admin', 'manager', 'kitchen', 'customer', 'hub'] as const;
export type Role = (typeof roles)[number];

/**
 * Random bytes from a pool the CSPRNG refills 4 KiB at a time, each byte handed out once: a
 * 100-order push issues 100 tracking tokens, and one CSPRNG call per token was 8% of its CPU.
 */
const pool = Buffer.alloc(4096);
let drawn = pool.length;
function randomBytesFromPool(size: number): Buffer {
  if (drawn + size > pool.length) {
    randomFillSync(pool);
    drawn = 0;
  }
  const bytes = Buffer.from(pool.subarray(drawn, drawn + size));
  drawn += size;
  return bytes;
}

/** 192 random bits, URL-safe; the prefix tells a human what the token is for. */
export function generateToken(role: Role): string {
  return `ks_${role}_${randomBytesFromPool(24).toString('base64url')}`;
}

export const newId = (prefix: string) => `${prefix}_${randomUUID().replaceAll('-', '')}`;

/** Only this hash is stored; tokens are high-entropy, so a plain SHA-256 is enough. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `Authorization: Bearer <token>` → token; anything else → undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S{16,512})\s*$/i.exec(header ?? '');
  return match?.[1];
}
