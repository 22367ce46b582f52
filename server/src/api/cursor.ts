import { isStorableText } from '../db/storable-text.ts';
import { HttpError } from '../http/http-error.ts';

/** Keyset position of the last row of a page: its sort key and id. */
export interface Cursor {
  readonly key: number;
  readonly id: string;
}

/** Cursors are opaque to clients: base64url of `[key, id]`. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (raw === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && typeof value[1] === 'string' && isStorableText(value[1])) {
      return { key: value[0] as number, id: value[1] };
    }
  } catch {
    // falls through to the 400
  }
  throw new HttpError(400, 'invalid_request', 'invalid query', [{ path: 'cursor', message: 'not a cursor this API issued' }]);
}

/** Cuts one extra row off a `limit + 1` fetch and says where the next page starts. */
export function page<T>(rows: readonly T[], limit: number, cursorOf: (row: T) => Cursor): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
