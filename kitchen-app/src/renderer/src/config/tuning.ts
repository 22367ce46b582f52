/** Operational knobs, read once from the page URL (e.g. `/kitchen/?stuckAfterMs=10000`). */
export interface Tuning {
  /** Changes waiting this long while "connected" raise the stuck alarm. */
  readonly stuckAfterMs: number;
}

export const defaultTuning: Tuning = { stuckAfterMs: 30_000 };

export function parseTuning(search: string): Tuning {
  const stuck = Number(new URLSearchParams(search).get('stuckAfterMs'));
  return { stuckAfterMs: Number.isInteger(stuck) && stuck >= 1000 && stuck <= 3_600_000 ? stuck : defaultTuning.stuckAfterMs };
}
