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

const toneRank: Record<TimerTone, number> = { ok: 0, warn: 1, late: 2 };

/**
 * The tone of several tickets at once (an expo card): the worst of their own tones, each by its
 * station's thresholds, so a ticket amber on its station is never green at the pass.
 */
export function worstTone(now: number, clocks: readonly { readonly firedAt: number; readonly thresholds: Thresholds }[]): TimerTone {
  let worst: TimerTone = 'ok';
  for (const c of clocks) {
    const tone = agingTone(now, c.firedAt, c.thresholds);
    if (toneRank[tone] > toneRank[worst]) worst = tone;
  }
  return worst;
}

/** Minutes and seconds: "4:07", "73:10". */
export function formatElapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
