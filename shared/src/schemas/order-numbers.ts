import { z } from 'zod';

/**
 * A restaurant's service day, the span its order numbers are unique in: a calendar date
 * (`serviceDayOf`: local time, rolling over at 04:00 so a late service keeps its day).
 */
export const serviceDayIdSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date, YYYY-MM-DD');
/** A terminal (one dashboard tab, kept across reloads) that numbers the orders it takes. */
export const terminalIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'terminal ids use letters, digits, _ and -');
/** A terminal's letters for the day: A, C, …, Y, then AA, AC, … (no look-alikes). */
export const terminalCodeSchema = z.string().regex(/^[ACEFHJKMNPRTVWXY]{1,4}$/);
/** "A-12" (terminal A's twelfth order of the day) or "12" (the server's twelfth). */
export const orderNumberSchema = z.string().regex(/^(?:[ACEFHJKMNPRTVWXY]{1,4}-)?[1-9]\d{0,6}$/);

export const terminalCounterSchema = z.object({
  code: terminalCodeSchema,
  terminalId: terminalIdSchema,
  /** The last number this terminal gave today (0: none yet). */
  lastNumber: z.number().int().nonnegative(),
});
export type TerminalCounter = z.infer<typeof terminalCounterSchema>;

/** `serviceDay/<date>`: who numbers orders that day, and the counters they number with. */
export const serviceDaySchema = z.object({
  id: serviceDayIdSchema,
  /** The last number the server gave itself (orders taken without a terminal: REST, older clients). */
  lastNumber: z.number().int().nonnegative(),
  /** Terminals in the order the server gave them their codes; a code is never given twice a day. */
  terminals: z.array(terminalCounterSchema),
});
export type ServiceDay = z.infer<typeof serviceDaySchema>;

export const claimTerminalCodeArgsSchema = z.object({ terminalId: terminalIdSchema, serviceDay: serviceDayIdSchema });
export type ClaimTerminalCodeArgs = z.infer<typeof claimTerminalCodeArgsSchema>;
