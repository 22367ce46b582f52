import type { PrintJobStatus } from '../schemas/printers.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

export type PrintJobEvent = 'claim' | 'print' | 'fail' | 'hold';

const rows: readonly TransitionRow<PrintJobStatus, PrintJobEvent, never>[] = [
  { event: 'claim', from: 'waiting', to: 'printing' },
  // A failed attempt is tried again (with backoff): failed is what the dashboard shows meanwhile.
  { event: 'claim', from: 'failed', to: 'printing' },
  // A claim left unfinished (the agent died after sending, or before): claimed again, and the
  // copy that prints says it may be a duplicate (printer-mutators decides that).
  { event: 'claim', from: 'printing', to: 'printing' },
  { event: 'print', from: 'printing', to: 'printed' },
  { event: 'fail', from: 'printing', to: 'failed' },
  // The printer said paper out / cover open before anything was sent: the job waits its turn.
  { event: 'hold', from: 'printing', to: 'waiting' },
];

export const printJobMachine = defineMachine<PrintJobStatus, PrintJobEvent, never, object>('print job', rows, {});

/** Jobs still to print, in their printer's queue (a manager's redirect moves these). */
export const pendingPrintStatuses: readonly PrintJobStatus[] = ['waiting', 'failed'];
