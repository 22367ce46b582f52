import type { ReadonlyJSONValue } from '@kitchensync/shared';

/** jsonb keeps an object's keys shortest first (in UTF-8 bytes), then in the order of those bytes. */
function inJsonbOrder(keys: readonly string[]): string[] {
  const bytes = new Map(keys.map((k) => [k, Buffer.from(k)]));
  const of = (k: string) => bytes.get(k) as Buffer;
  return [...keys].sort((a, b) => of(a).length - of(b).length || Buffer.compare(of(a), of(b)));
}

/**
 * `value` as Postgres gives it back from a jsonb column: equal, with every object's keys in
 * jsonb's order. A value answered from memory then reaches a client exactly as one read back.
 */
export function asJsonb(value: ReadonlyJSONValue): ReadonlyJSONValue {
  if (Array.isArray(value)) return value.map(asJsonb);
  if (value === null || typeof value !== 'object') return value;
  const object = value as { readonly [key: string]: ReadonlyJSONValue };
  return Object.fromEntries(inJsonbOrder(Object.keys(object)).map((k) => [k, asJsonb(object[k] as ReadonlyJSONValue)]));
}
