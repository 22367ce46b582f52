/** Counters of `/api/metrics` (Prometheus text) the server view turns into rates. */
export const rateCounters = {
  requests: 'kitchensync_http_requests_total',
  errors: 'kitchensync_http_errors_total',
  writes: 'kitchensync_writes_total',
  transactions: 'kitchensync_write_transactions_total',
  mutations: 'kitchensync_mutations_pushed_total',
  pulls: 'kitchensync_pulls_total',
} as const;

export type RateName = keyof typeof rateCounters;

export interface MetricsSample {
  readonly at: number;
  readonly values: ReadonlyMap<string, number>;
}

/** Name → value of every sample line of a Prometheus text exposition (labels are not used here). */
export function parseMetrics(text: string, at: number): MetricsSample {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)\s+(\S+)$/.exec(line.trim());
    if (match && !Number.isNaN(Number(match[2]))) values.set(match[1] as string, Number(match[2]));
  }
  return { at, values };
}

/**
 * Per-second rates between two samples of one process. A counter that went down means the
 * process restarted (or another process answered): no rate then, rather than a negative one.
 */
export function ratesBetween(before: MetricsSample, after: MetricsSample): Partial<Record<RateName, number>> {
  const seconds = (after.at - before.at) / 1000;
  const out: Partial<Record<RateName, number>> = {};
  if (seconds <= 0) return out;
  for (const [name, metric] of Object.entries(rateCounters) as [RateName, string][]) {
    const a = before.values.get(metric);
    const b = after.values.get(metric);
    if (a !== undefined && b !== undefined && b >= a) out[name] = (b - a) / seconds;
  }
  return out;
}
