import { createHash } from 'node:crypto';

/** The name a prepared statement goes by on a connection: its text's hash, so equal texts share it. */
export const preparedName = (text: string) => `ks_${createHash('sha1').update(text).digest('hex').slice(0, 32)}`;

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
const arrayElement = (v: unknown) => (v === null || v === undefined ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);

/**
 * A parameter as an SQL literal for `EXECUTE name(...)`, which takes no bind parameters. Every
 * value is written as quoted text (an array as an array literal, an object as JSON), and the
 * prepared statement's parameter type reads it: the same conversion a bind parameter gets. Text
 * is quoted by doubling `'` (standard_conforming_strings is on), so no value can end the literal.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return quote(`{${value.map(arrayElement).join(',')}}`);
  if (value instanceof Date) return quote(value.toISOString());
  if (typeof value === 'object') return quote(JSON.stringify(value));
  return quote(String(value));
}
