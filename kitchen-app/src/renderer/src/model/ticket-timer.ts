import type { Thresholds } from './ticket-facts.ts';

export type TimerTone = 'ok' | 'warn' | 'late';

/**
 * Fixed per-station thresholds in minutes since the ticket was fired: every ticket on a station
 * ages the same way, whatever its own ETA.
 */
export function agingTone(now: number, firedAt: number, t: Thresholds): TimerTone {
  const minutes = (now - firedAt) / 60_000;
  if (minutes >= t.lateMinutes) return 'late';
  return minutes >= t.warnMinutes ? 'warn' : 'ok';
}

/** Minutes and seconds: "4:07", "73:10". */
export function formatElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
