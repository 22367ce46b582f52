import type { PrintJob } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { jobsByPrinter, jobsInView } from './print-jobs.ts';

const job = (id: string, status: PrintJob['status'], createdAt: number, printerId = 'p'): PrintJob => ({
  id,
  printerId,
  status,
  createdAt,
  updatedAt: createdAt + 1,
  attempts: 0,
  doc: { kind: 'ticket', orderId: 'o', number: '1', channel: 'dine_in', allergies: [], items: [], at: createdAt },
});

describe('a printer card’s jobs', () => {
  it('lists what is still to print in print order, then the latest printed', () => {
    const jobs = [job('a', 'printed', 1), job('b', 'waiting', 3), job('c', 'failed', 2), job('d', 'printed', 4)];
    expect(jobsInView(jobs).map((j) => j.id)).toEqual(['c', 'b', 'd', 'a']);
    expect(jobsInView(jobs, 2).map((j) => j.id)).toEqual(['c', 'b']);
  });

  it('groups jobs by the printer they are queued on', () => {
    const by = jobsByPrinter([job('a', 'waiting', 1, 'bar'), job('b', 'waiting', 2, 'pass'), job('c', 'printed', 3, 'bar')]);
    expect(by.get('bar')?.map((j) => j.id)).toEqual(['a', 'c']);
  });
});
