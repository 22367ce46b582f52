import type { z } from 'zod';
import { HttpError } from './http-error.ts';

/** Parses a body, query or params object; failure is a 400 listing every problem. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what = 'body'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new HttpError(400, 'invalid_request', `invalid ${what}`, details);
  }
  return parsed.data;
}
