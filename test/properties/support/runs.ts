/**
 * fast-check runs per property: `FC_RUNS` from the environment when set (a soak run, or a quick
 * local one), else the default the calling file states, which is what CI runs.
 */
export function fcRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env['FC_RUNS']);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}
