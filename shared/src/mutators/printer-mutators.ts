import { DomainError } from '../errors.ts';
import { keyPrefix, kitchenOrderKey, printJobKey, printerKey, stationKey } from '../keys.ts';
import { pendingPrintStatuses, printJobMachine, type PrintJobEvent } from '../machines/print-job-machine.ts';
import { printTicket } from '../print/print-jobs.ts';
import type { KitchenOrder, Station } from '../schema.ts';
import {
  assignPrinterArgsSchema,
  claimPrintJobArgsSchema,
  columnsFor,
  finishPrintJobArgsSchema,
  redirectPrinterArgsSchema,
  reportPrinterStateArgsSchema,
  reprintTicketArgsSchema,
  unassignPrinterArgsSchema,
  upsertPrinterArgsSchema,
  type PrintJob,
  type Printer,
  type PrinterAssignment,
} from '../schemas/printers.ts';
import { list, read, readOrFail, write, type Tx } from '../tx.ts';
import { defineMutator, definedOnly, printAgentWord } from './args.ts';

const readPrinter = (tx: Tx, id: string) => readOrFail<Printer>(tx, printerKey(id), `printer ${id}`);
const readJob = (tx: Tx, id: string) => readOrFail<PrintJob>(tx, printJobKey(id), `print job ${id}`);
const sameSlot = (a: PrinterAssignment, b: Pick<PrinterAssignment, 'role' | 'stationId'>) => a.role === b.role && a.stationId === b.stationId;

/** Creates or edits a printer's name, connection, paper and code page; a network ESC/POS printer listens on 9100. */
export const upsertPrinter = defineMutator(upsertPrinterArgsSchema, async (tx, args) => {
  const existing = await read<Printer>(tx, printerKey(args.id));
  if (!existing && !args.host) throw new DomainError('invalid_args', 'a new printer needs its host', { field: 'host' });
  const merged = { host: '', port: 9100, paperMm: 80 as const, codePage: 'cp437', active: true, assignments: [], ...existing, ...definedOnly(args) };
  const printer: Printer = { ...merged, columns: columnsFor(merged.paperMm) };
  await write(tx, printerKey(printer.id), printer);
  return [{ type: 'printer.upserted', printerId: printer.id }];
});

/** Gives a printer a role: primary or backup for a station, or expo. A station-less primary or backup means nothing. */
export const assignPrinter = defineMutator(assignPrinterArgsSchema, async (tx, { printerId, ...assignment }) => {
  const printer = await readPrinter(tx, printerId);
  if ((assignment.role === 'expo') !== (assignment.stationId === undefined)) {
    throw new DomainError('invalid_args', assignment.role === 'expo' ? 'an expo printer serves the pass, not a station' : `a ${assignment.role} printer needs a station`);
  }
  if (assignment.stationId) await readOrFail<Station>(tx, stationKey(assignment.stationId), `station ${assignment.stationId}`);
  const kept = printer.assignments.filter((a) => !sameSlot(a, assignment));
  await write(tx, printerKey(printer.id), { ...printer, assignments: [...kept, definedOnly(assignment)] });
  return [{ type: 'printer.assigned', printerId: printer.id, role: assignment.role, ...(assignment.stationId ? { stationId: assignment.stationId } : {}) }];
});

export const unassignPrinter = defineMutator(unassignPrinterArgsSchema, async (tx, { printerId, ...slot }) => {
  const printer = await readPrinter(tx, printerId);
  const kept = printer.assignments.filter((a) => !sameSlot(a, slot));
  if (kept.length === printer.assignments.length) throw new DomainError('not_found', `printer ${printerId} has no such assignment`, slot);
  await write(tx, printerKey(printer.id), { ...printer, assignments: kept });
  return [{ type: 'printer.unassigned', printerId: printer.id, role: slot.role, ...(slot.stationId ? { stationId: slot.stationId } : {}) }];
});

/**
 * Sends a printer's queue to another printer (paper out at the bar, print at the pass): its
 * waiting and failed jobs move now, new ones follow until the redirect is cleared (`to` null).
 */
export const redirectPrinter = defineMutator(redirectPrinterArgsSchema, async (tx, args) => {
  const printer = await readPrinter(tx, args.printerId);
  if (args.to !== null) {
    const target = await readPrinter(tx, args.to);
    if (target.id === printer.id || target.redirectTo) throw new DomainError('invalid_args', `${target.name} cannot take ${printer.name}'s queue`, { to: target.id });
  }
  const rest: Printer = { ...printer };
  delete rest.redirectTo;
  await write(tx, printerKey(printer.id), args.to === null ? rest : { ...rest, redirectTo: args.to });
  const moved = [];
  if (args.to !== null) {
    for (const job of await list<PrintJob>(tx, keyPrefix.printJob)) {
      if (job.printerId !== printer.id || !pendingPrintStatuses.includes(job.status)) continue;
      await write(tx, printJobKey(job.id), { ...job, printerId: args.to, redirectedFrom: job.redirectedFrom ?? printer.id, status: 'waiting', updatedAt: args.at });
      moved.push(job.id);
    }
  }
  return [{ type: 'printer.redirected', printerId: printer.id, to: args.to, jobIds: moved }];
});

/** Prints a ticket again, marked REPRINT: on the printer asked for, or on the station's printers. */
export const reprintTicket = defineMutator(reprintTicketArgsSchema, async (tx, args) => {
  const ticket = await readOrFail<KitchenOrder>(tx, kitchenOrderKey(args.kitchenOrderId), `kitchen order ${args.kitchenOrderId}`);
  const printers = args.printerId ? [await readPrinter(tx, args.printerId)] : await stationPrinters(tx, ticket.stationId);
  if (printers.length === 0) throw new DomainError('invalid_args', 'no printer serves this station: name one', { stationId: ticket.stationId });
  await printTicket(tx, ticket, 'reprint', args.at, printers);
  return [{ type: 'ticket.reprinted', orderId: ticket.orderId, kitchenOrderId: ticket.id }];
});

/** Every active printer assigned to the station, whatever its role (a reprint is asked for on purpose). */
async function stationPrinters(tx: Tx, stationId: string): Promise<Printer[]> {
  return (await list<Printer>(tx, keyPrefix.printer)).filter((p) => p.active && p.assignments.some((a) => a.stationId === stationId));
}

async function moveJob(tx: Tx, job: PrintJob, event: PrintJobEvent, patch: Partial<PrintJob>, at: number): Promise<PrintJob> {
  const next: PrintJob = { ...job, ...patch, status: printJobMachine.next(event, job.status, {}), updatedAt: at };
  await write(tx, printJobKey(job.id), next);
  return next;
}

/**
 * The print agent takes a job before sending it. A job found still "printing" under an earlier
 * claim may have reached the paper before that agent died: this copy is marked as a possible duplicate.
 */
export const claimPrintJob = printAgentWord(defineMutator(claimPrintJobArgsSchema, async (tx, args) => {
  const job = await readJob(tx, args.jobId);
  // Two agents on one database both chose it: the first claim wins, the second prints nothing.
  if (args.seen !== undefined && args.seen !== job.status) throw new DomainError('illegal_transition', `print job ${job.id} is ${job.status} now, not ${args.seen}`, { status: job.status, claimedBy: job.claimedBy });
  const unfinished = job.status === 'printing';
  await moveJob(tx, job, 'claim', { claimedBy: args.agentId, attempts: job.attempts + 1, ...(unfinished ? { possibleDuplicate: true } : {}) }, args.at);
  return [{ type: 'print_job.claimed', jobId: job.id, attempt: job.attempts + 1, possibleDuplicate: unfinished || job.possibleDuplicate === true }];
}));

const outcomeEvents = { printed: 'print', failed: 'fail', waiting: 'hold' } as const;

/** The agent's word on its claim: printed, failed (with why), or back to waiting (printer not ready). */
export const finishPrintJob = printAgentWord(defineMutator(finishPrintJobArgsSchema, async (tx, args) => {
  const job = await readJob(tx, args.jobId);
  if (job.claimedBy !== args.agentId) throw new DomainError('illegal_transition', `print job ${job.id} is claimed by another agent`, { claimedBy: job.claimedBy });
  const rest: PrintJob = { ...job };
  delete rest.failure;
  const patch = { ...(args.outcome === 'printed' ? { printedAt: args.at } : {}), ...(args.failure ? { failure: args.failure } : {}) };
  await moveJob(tx, rest, outcomeEvents[args.outcome], patch, args.at);
  return [{ type: 'print_job.finished', jobId: job.id, outcome: args.outcome, ...(args.failure ? { failure: args.failure } : {}) }];
}));

/** What the agent found at the printer (paper out, offline…) and how many jobs wait for it. */
export const reportPrinterState = printAgentWord(defineMutator(reportPrinterStateArgsSchema, async (tx, { printerId, ...state }) => {
  const printer = await readPrinter(tx, printerId);
  await write(tx, printerKey(printer.id), { ...printer, state: definedOnly(state) });
  return [{ type: 'printer.state_reported', printerId: printer.id, condition: state.condition, waiting: state.waiting }];
}));
