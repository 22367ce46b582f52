import type { z } from 'zod';
import { DomainError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import type { Tx } from '../tx.ts';

/** Mutators validate their args before touching the replica: a bad call changes nothing. */
export function parseArgs<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    throw new DomainError('invalid_args', 'invalid arguments', parsed.error.issues);
  }
  return parsed.data;
}

export type Mutator<A> = ((tx: Tx, args: A) => Promise<DomainEvent[]>) & {
  /**
   * The keys it will obviously read, from its args (none for args its schema refuses): the server
   * reads them for a whole batch in one round trip. Only a speed-up: a key missed is read later.
   */
  readonly reads: (args: unknown) => string[];
};

/**
 * Wraps a mutator body with its args schema: callers are typed, inputs are checked at run time.
 * Async, so bad args reject the returned promise like every other refusal instead of throwing
 * at the call site, past a caller's `.catch`. `reads` declares what it reads (see `Mutator`).
 */
export function defineMutator<S extends z.ZodType>(
  schema: S,
  body: (tx: Tx, args: z.output<S>) => Promise<DomainEvent[]>,
  reads?: (args: z.output<S>) => Iterable<string>,
): Mutator<z.input<S>> {
  const run = async (tx: Tx, args: z.input<S>) => body(tx, parseArgs(schema, args));
  return Object.assign(run, {
    reads: (args: unknown) => {
      const parsed = reads && schema.safeParse(args);
      return parsed && parsed.success ? [...reads(parsed.data)] : [];
    },
  });
}

/**
 * Marks a mutator as the print agent's word (a claim, a delivery, a printer's or a station's
 * screens' state): the only mutators a hub may run as itself (server/src/auth/permissions.ts).
 */
export function printAgentWord<M extends Mutator<never>>(mutator: M): M & { readonly printAgentWord: true } {
  return Object.assign(mutator, { printAgentWord: true as const });
}

type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** Drops absent optional fields so that spreading a patch never erases a stored value. */
export function definedOnly<T extends object>(patch: T): Partial<Defined<T>> & Pick<Defined<T>, RequiredKeys<T>> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as never;
}

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
