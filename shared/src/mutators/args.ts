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

export type Mutator<A> = (tx: Tx, args: A) => Promise<DomainEvent[]>;

/**
 * Wraps a mutator body with its args schema: callers are typed, inputs are checked at run time.
 * Async, so bad args reject the returned promise like every other refusal instead of throwing
 * at the call site, past a caller's `.catch`.
 */
export function defineMutator<S extends z.ZodType>(
  schema: S,
  body: (tx: Tx, args: z.output<S>) => Promise<DomainEvent[]>,
): Mutator<z.input<S>> {
  return async (tx, args) => body(tx, parseArgs(schema, args));
}

type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** Drops absent optional fields so that spreading a patch never erases a stored value. */
export function definedOnly<T extends object>(patch: T): Partial<Defined<T>> & Pick<Defined<T>, RequiredKeys<T>> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as never;
}

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
