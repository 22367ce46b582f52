export type TimerTone = 'ok' | 'warn' | 'late';

/** Share of the promised time that may pass before the ticket turns amber. */
export const warnAt = 0.75;

/** Green while well inside the ETA, amber in its last quarter, red once it is past. */
export function timerTone(now: number, createdAt: number, etaAt: number): TimerTone {
  const budget = etaAt - createdAt;
  const used = now - createdAt;
  if (now >= etaAt) return 'late';
  if (budget <= 0) return 'late';
  return used / budget >= warnAt ? 'warn' : 'ok';
}

/** Minutes and seconds since the ticket arrived: "4:07", "73:10". */
export function formatElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
