import type { RequestHandler } from 'express';
import { principalOf } from './auth.ts';
import { HttpError } from './http-error.ts';

interface Bucket {
  tokens: number;
  at: number;
}

/** Token bucket per bearer token: `rps` sustained, `burst` at once; 0 rps turns it off. */
export function rateLimit(rps: number, burst: number): RequestHandler {
  const buckets = new Map<string, Bucket>();
  return (_req, res, next) => {
    if (rps <= 0) return next();
    const key = principalOf(res).tokenId;
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * rps);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      res.set('Retry-After', String(Math.max(1, Math.ceil((1 - bucket.tokens) / rps))));
      return next(new HttpError(429, 'rate_limited', 'too many requests'));
    }
    bucket.tokens -= 1;
    next();
  };
}
