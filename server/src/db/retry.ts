import { isDatabaseUnavailable } from './database-errors.ts';

/** SQLSTATEs that mean "a concurrent transaction got there first; try again". */
const retryable = new Set(['40001', '40P01', '23505']);

/** Reruns a whole transaction that lost a race (serialization failure, deadlock, duplicate insert). */
export async function retryOnConflict<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= attempts || typeof code !== 'string' || !retryable.has(code)) throw err;
      await new Promise((r) => setTimeout(r, attempt * 5 * Math.random()));
    }
  }
}

/**
 * Reruns `run` for as long as the database cannot be reached (a start while Postgres is down or
 * failing over), backing off up to `maxDelayMs`; any other error ends it.
 */
export async function retryWhileUnavailable<T>(
  run: () => Promise<T>,
  onWait: (err: unknown, delayMs: number) => void,
  { firstDelayMs = 100, maxDelayMs = 5000 } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      const delayMs = Math.min(maxDelayMs, firstDelayMs * 2 ** attempt);
      onWait(err, delayMs);
      await new Promise((r) => setTimeout(r, delayMs));
    }
  }
}
