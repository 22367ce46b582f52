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
