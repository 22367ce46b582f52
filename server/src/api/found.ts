import { notFound } from '../http/http-error.ts';

/** Another tenant's rows are simply not found: existence never leaks across tenants. */
export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(what);
  return value;
}
