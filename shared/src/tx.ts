import { DomainError } from './errors.ts';

export type ReadonlyJSONValue =
  | null
  | string
  | boolean
  | number
  | readonly ReadonlyJSONValue[]
  | { readonly [key: string]: ReadonlyJSONValue | undefined };

/**
 * The storage a mutator sees. Replicache's WriteTransaction satisfies it on clients;
 * the server implements it over Postgres rows of one tenant.
 */
export interface Tx {
  readonly location: 'client' | 'server';
  get(key: string): Promise<ReadonlyJSONValue | undefined>;
  set(key: string, value: ReadonlyJSONValue): Promise<void>;
  del(key: string): Promise<boolean>;
  scan(options: { prefix: string }): { toArray(): Promise<ReadonlyJSONValue[]> };
}

/** Reads an entity the mutators themselves wrote; its shape is trusted. */
export async function read<T>(tx: Tx, key: string): Promise<T | undefined> {
  return (await tx.get(key)) as T | undefined;
}

export async function readOrFail<T>(tx: Tx, key: string, what: string): Promise<T> {
  const value = await read<T>(tx, key);
  if (value === undefined) throw new DomainError('not_found', `${what} not found`, { key });
  return value;
}

export async function list<T>(tx: Tx, prefix: string): Promise<T[]> {
  return (await tx.scan({ prefix }).toArray()) as T[];
}

/** Entities are plain JSON objects; this drops keys whose value is undefined. */
export function write<T extends object>(tx: Tx, key: string, value: T): Promise<void> {
  return tx.set(key, JSON.parse(JSON.stringify(value)) as ReadonlyJSONValue);
}
