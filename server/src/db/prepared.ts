import { createHash } from 'node:crypto';
import { RecentMap } from '../recent-map.ts';
import type { Statement } from './database.ts';

const names = new RecentMap<string, string>(1_000);

/**
 * The name a prepared statement goes by on a connection: its text's hash, so equal texts share it.
 * Remembered per text (the code builds few), so a push or pull does not hash kilobytes of SQL.
 */
export function preparedName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `ks_${createHash('sha1').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * A string literal that reads back as `text` whatever `standard_conforming_strings` says: with a
 * backslash in it, an escape string (E'...') with the backslashes doubled, as `pg` quotes too.
 */
const quote = (text: string) => {
  const quoted = text.replaceAll("'", "''");
  return text.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
};
const arrayElement = (v: unknown) => (v === null || v === undefined ? 'NULL' : `"${String(v).replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`);

/**
 * A parameter as an SQL literal for `EXECUTE name(...)`, which takes no bind parameters. Every
 * value is written as quoted text (an array as an array literal, an object as JSON), and the
 * prepared statement's parameter type reads it: the same conversion a bind parameter gets. Text
 * is quoted by doubling `'` (and `\` in an escape string), so no value can end the literal.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return quote(`{${value.map(arrayElement).join(',')}}`);
  if (value instanceof Date) return quote(value.toISOString());
  if (typeof value === 'object') return quote(JSON.stringify(value));
  return quote(String(value));
}

const hasNul = (value: unknown): boolean => (typeof value === 'string' ? value.includes('\0') : Array.isArray(value) && value.some(hasNul));

/** Whether `params` can all be written as literals: SQL text is a C string, which a NUL would cut short. */
export const literalsAllowed = (params: readonly unknown[]) => !params.some(hasNul);

/**
 * `sql` with each `$n` replaced by its parameter as a literal, to send as part of a multi-statement
 * simple query (which takes no parameters); undefined when a value cannot be a literal.
 */
export function withLiterals(sql: string, params: readonly unknown[]): string | undefined {
  if (!literalsAllowed(params)) return undefined;
  return sql.replace(/\$(\d+)/g, (_, n: string) => sqlLiteral(params[Number(n) - 1]));
}

/** Runs prepared statement `name` with `params` as literals (EXECUTE takes no bind parameters). */
export const executeSql = (name: string, params: readonly unknown[]) => (params.length > 0 ? `EXECUTE ${name}(${params.map(sqlLiteral).join(', ')})` : `EXECUTE ${name}`);

/**
 * How a transaction opens: `first` (BEGIN, the lock) and the opening read as one script when the
 * read's values can be literals — its rows are then the script's last result — or else `first` as
 * a script and the read `apart`, with bind parameters.
 */
export function openingScript(first: readonly string[], opening: Statement | undefined): { script: string; apart?: Statement } {
  const inline = opening && withLiterals(opening.sql, opening.params);
  if (inline || !opening) return { script: [...first, ...(inline ? [inline] : [])].join('; ') };
  return { script: first.join('; '), apart: opening };
}
