import { z } from 'zod';
import { isStorableText } from '../db/storable-text.ts';
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

/** A string Postgres can store: without this, NUL in a name or path segment fails in SQL as a 500. */
export const storableString = () => z.string().refine(isStorableText, 'contains characters that cannot be stored');
