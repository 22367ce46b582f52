/**
 * Sorting what a database driver throws. A lost connection (terminated, reset, refused, timed
 * out, or a primary that became a read-only standby) is "unavailable": the request may be retried
 * and is answered 503. An error Postgres raised about the data itself is the caller's input.
 */

/** Raised when no host of DATABASE_URL accepts writes right now. */
export class DatabaseUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

const lostSocket = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/** Admin/crash shutdown, cannot connect now, too many connections, read-only transaction (a standby). */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300', '25006']);
/** What `pg` says, without a code, about a connection that went away under it. */
const lostConnection = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed|Connection closed|connect ECONNREFUSED/i;

const codeOf = (err: unknown) => (err as { code?: unknown } | null)?.code;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof DatabaseUnavailableError) return true;
  if (!(err instanceof Error)) return false;
  const code = codeOf(err);
  if (typeof code === 'string' && (lostSocket.has(code) || unavailableStates.has(code) || code.startsWith('08'))) return true;
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable);
  return lostConnection.test(err.message);
}

/** Anything the database (or the way to it) threw: it aborts the whole transaction. */
export const isDatabaseError = (err: unknown): boolean => (err instanceof Error && 'severity' in err) || isDatabaseUnavailable(err);

/**
 * Postgres refused the statement for its data: a data exception (22), a constraint (23), a
 * syntax or access rule (42) or a program limit (54). Rerunning the same input fails the same way.
 */
export function isRefusedData(err: unknown): boolean {
  const code = codeOf(err);
  return err instanceof Error && 'severity' in err && typeof code === 'string' && /^(22|23|42|54)/.test(code);
}
