import type { PrintJob } from '@kitchensync/shared';

/** Jobs shown per printer: the unfinished ones first, then the latest printed. */
const shown = 6;

/** A printer's jobs as its card lists them: unfinished in print order, then the rest newest first. */
export function jobsInView(jobs: readonly PrintJob[], limit = shown): PrintJob[] {
  const open = jobs.filter((j) => j.status !== 'printed').sort((a, b) => a.createdAt - b.createdAt);
  const done = jobs.filter((j) => j.status === 'printed').sort((a, b) => b.updatedAt - a.updatedAt);
  return [...open, ...done].slice(0, limit);
}

/** Jobs of each printer. */
export function jobsByPrinter(jobs: Iterable<PrintJob>): Map<string, PrintJob[]> {
  const by = new Map<string, PrintJob[]>();
  for (const j of jobs) by.set(j.printerId, [...(by.get(j.printerId) ?? []), j]);
  return by;
}
