import { z } from 'zod';
import { derivedIdSchema, idSchema } from '@kitchensync/shared';

/**
 * Every named request and response schema of the REST API lives in one of these registries; the
 * OpenAPI document is generated from them (request bodies as inputs, responses as outputs).
 */
export const requestSchemas = z.registry<{ id: string; description?: string }>();
export const responseSchemas = z.registry<{ id: string; description?: string }>();

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
responseSchemas.add(errorBodySchema, { id: 'Error', description: 'Every 4xx/5xx answer: a stable code, a message, and details where they help.' });

export const idParams = z.object({ id: idSchema });
export const derivedIdParams = z.object({ id: derivedIdSchema });

/** `?flag=true|false`. */
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A positive integer in a query string. */
export const intQuery = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** One value, or several as `a,b` or a repeated parameter. */
export const listQuery = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .union([z.string(), z.array(z.string()).max(20)])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter(Boolean))
    .pipe(z.array(z.enum(values)).min(1).max(20));

/** Without Z or an offset a date-time would be read in the server's time zone. */
const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant: epoch milliseconds or an ISO-8601 date-time with an offset (`2025-01-31T10:00:00Z`). */
export const instantQuery = z
  .string()
  .max(40)
  // An unencoded `+01:00` arrives as ` 01:00`: a query string decodes + as a space.
  .transform((v) => v.replace(/ (\d{2}:\d{2})$/, '+$1'))
  .refine((v) => /^\d{1,15}$/.test(v) || (isoWithOffset.test(v) && !Number.isNaN(Date.parse(v))), 'epoch ms or ISO-8601 date-time with Z or an offset')
  .transform((v) => (/^\d+$/.test(v) ? Number(v) : Date.parse(v)));

/** A UTC calendar day. */
export const dayQuery = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'a real date')
  .transform((v) => Date.parse(`${v}T00:00:00Z`));

export const pageQuery = {
  limit: intQuery(1, 200).optional().describe('page size, 1–200 (default 50)'),
  cursor: z.string().max(400).optional().describe('`nextCursor` of the previous page'),
};

/** `{items, nextCursor}`: every list of the API. `nextCursor` is null on the last page. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

const dayMs = 24 * 3600_000;
const maxRangeDays = 31;
/** The last instant an ISO-8601 answer can name with a four-digit year. */
const lastInstant = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** A UTC day (`date`), or `from`/`to` instants (both, at most 31 days apart); neither → today (UTC). */
export const rangeQuery = z
  .object({
    date: dayQuery.optional().describe('a UTC day, YYYY-MM-DD'),
    from: instantQuery.optional().describe('start (inclusive): epoch ms or ISO-8601; needs `to`'),
    to: instantQuery.optional().describe('end (exclusive): epoch ms or ISO-8601; needs `from`'),
  })
  .superRefine((q, ctx) => {
    if (q.date !== undefined && (q.from !== undefined || q.to !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'give either date or from/to' });
    } else if ((q.from === undefined) !== (q.to === undefined)) {
      ctx.addIssue({ code: 'custom', path: [q.from === undefined ? 'from' : 'to'], message: 'from and to go together' });
    } else if (q.from !== undefined && q.to !== undefined && !(q.to > q.from && q.to - q.from <= maxRangeDays * dayMs)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `to must be after from, at most ${maxRangeDays} days later` });
    } else if ((q.to ?? (q.date ?? 0) + dayMs) > lastInstant) {
      ctx.addIssue({ code: 'custom', path: [q.to === undefined ? 'date' : 'to'], message: 'the range must end by 9999-12-31T23:59:59.999Z' });
    }
  });

export const rangeSchema = z.object({ from: z.iso.datetime(), to: z.iso.datetime() });

/** The half-open window `[from, to)` a range query names. */
export function resolveRange(q: z.output<typeof rangeQuery>, now = Date.now()): { from: number; to: number } {
  if (q.from !== undefined && q.to !== undefined) return { from: q.from, to: q.to };
  const from = q.date ?? now - (now % dayMs);
  return { from, to: from + dayMs };
}
