import type { NextFunction, Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { HttpError } from './http-error.ts';
import { rateLimit } from './rate-limit.ts';

function call(limiter: ReturnType<typeof rateLimit>, tokenId: string) {
  const headers: Record<string, string> = {};
  const res = { locals: { principal: { tokenId, role: 'manager' } }, set: (k: string, v: string) => (headers[k] = v) } as unknown as Response;
  let error: unknown;
  limiter({} as Request, res, ((err?: unknown) => (error = err)) as NextFunction);
  return { error, headers };
}

describe('rate limit', () => {
  it('allows a burst, then answers 429 with Retry-After, per token', () => {
    const limiter = rateLimit(2, 3);
    const results = Array.from({ length: 4 }, () => call(limiter, 'a'));
    expect(results.slice(0, 3).every((r) => r.error === undefined)).toBe(true);
    expect(results[3]?.error).toBeInstanceOf(HttpError);
    expect((results[3]?.error as HttpError).status).toBe(429);
    expect(Number(results[3]?.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(call(limiter, 'b').error).toBeUndefined();
  });

  it('is off at 0 requests per second', () => {
    const limiter = rateLimit(0, 0);
    expect(Array.from({ length: 50 }, () => call(limiter, 'a')).every((r) => r.error === undefined)).toBe(true);
  });
});
