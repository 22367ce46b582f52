/** Percentile by nearest rank over a copy of the samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export function summary(samples: readonly number[], digits = 2) {
  const f = (v: number) => Number(v.toFixed(digits));
  return { n: samples.length, p50: f(percentile(samples, 50)), p95: f(percentile(samples, 95)), p99: f(percentile(samples, 99)) };
}

export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
