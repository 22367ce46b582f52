/** A "nice" axis maximum and its ticks (1, 2, 5 × 10ⁿ steps), never below `floor`. */
export function niceScale(max: number, targetTicks = 4, floor = 1): { max: number; ticks: number[] } {
  const top = Math.max(max, floor);
  const rough = top / targetTicks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const niceMax = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= niceMax + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max: niceMax, ticks };
}
