/**
 * Postgres `text` cannot hold NUL, and `jsonb` also refuses unpaired UTF-16 surrogates. JavaScript
 * strings can hold both, so anything a client sends is checked before it reaches SQL: otherwise
 * the statement fails, the whole push answers 500, and Replicache retries that push forever.
 */
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean => !unstorable.test(text);

/** True when every string (keys included) of a JSON value can be stored in jsonb. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, v]) => isStorableText(key) && isStorableJson(v));
  }
  return true;
}

/** Replaces what cannot be stored with U+FFFD, for text we must keep (a rejection's mutator name). */
export const toStorableText = (text: string): string => text.replace(new RegExp(unstorable.source, 'g'), '\ufffd');
