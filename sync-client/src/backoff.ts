export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 500, maxMs: 15_000 };

/**
 * Delay before reconnect attempt `attempt` (0-based): doubling from `baseMs`, capped at `maxMs`,
 * with "equal jitter" (between half and all of it) so a kitchen full of terminals does not
 * reconnect in lockstep when the server comes back.
 */
export function reconnectDelay(attempt: number, random: number, options: BackoffOptions = defaultBackoff): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  const r = Math.min(1, Math.max(0, random));
  return Math.round(exp / 2 + (exp / 2) * r);
}
