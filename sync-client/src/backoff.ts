export interface BackoffOptions {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * Capped low on purpose: a screen must be back within 2 s of its server's return. A kitchen has a
 * handful of screens, so a retry a second per screen while the server is down costs it nothing.
 */
export const defaultBackoff: BackoffOptions = { baseMs: 500, maxMs: 1_500 };

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
