/**
 * Postgres `text` cannot hold NUL, and `jsonb` also refuses unpaired UTF-16 surrogates. JavaScript
 * strings can hold both, so anything a client sends is checked before it reaches SQL: otherwise
 * the statement fails, the whole push answers 500, and Replicache retries that push forever.
 * PGlite also drops a U+FEFF that starts a text value when it reads it back (its protocol decoder
 * takes it for a byte-order mark), so such text is refused too: both backends then answer alike.
 */
const unstorable = /^\ufeff|\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const isStorableText = (text: string): boolean => !unstorable.test(text);

/** Deeper JSON than any request of the API needs; refused before anything walks it recursively. */
export const maxJsonDepth = 64;

export type JsonProblem = 'too_deep' | 'unstorable';

/** Walks a parsed JSON value without recursion: too deep, or a string (keys included) jsonb cannot hold. */
export function jsonProblem(value: unknown): JsonProblem | undefined {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [v, depth] = next;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return 'unstorable';
    } else if (v !== null && typeof v === 'object') {
      if (depth > maxJsonDepth) return 'too_deep';
      for (const [key, child] of Object.entries(v)) {
        if (!Array.isArray(v) && !isStorableText(key)) return 'unstorable';
        stack.push([child, depth + 1]);
      }
    }
  }
  return undefined;
}

/** True when every string (keys included) of a JSON value can be stored in jsonb. */
export const isStorableJson = (value: unknown): boolean => jsonProblem(value) === undefined;

/** Replaces what cannot be stored with U+FFFD, for text we must keep (a rejection's mutator name). */
export const toStorableText = (text: string): string => text.replace(new RegExp(unstorable.source, 'g'), '\ufffd');
