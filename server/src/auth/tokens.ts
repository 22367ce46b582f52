import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const roles = ['admin', 'manager', 'kitchen', 'customer', 'hub'] as const;
export type Role = (typeof roles)[number];

/** 192 random bits, URL-safe; the prefix tells a human what the token is for. */
export function generateToken(role: Role): string {
  return `ks_${role}_${randomBytes(24).toString('base64url')}`;
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
