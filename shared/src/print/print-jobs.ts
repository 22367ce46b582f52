import { keyPrefix, orderKey, printJobId, printJobKey, printerKey, screenDownJobPrefix, stationKey } from '../keys.ts';
import type { KitchenOrder, Order, Station } from '../schema.ts';
import type { PrintDoc, PrintJob, PrintKind, Printer, PrinterRole } from '../schemas/printers.ts';
import { list, read, write, type Tx } from '../tx.ts';
import { expoDoc, ticketDoc } from './print-doc.ts';

/** Kinds that put a ticket on a printer's paper: a void slip follows each of them there. */
const ticketKinds: readonly PrintKind[] = ['ticket', 'course', 'reprint', 'screen_down'];

export const activePrinters = async (tx: Tx): Promise<Printer[]> => (await list<Printer>(tx, keyPrefix.printer)).filter((p) => p.active);

export const hasRole = (printer: Printer, role: PrinterRole, stationId?: string) =>
  printer.assignments.some((a) => a.role === role && (role === 'expo' || a.stationId === stationId));

/** Printers taking a station's tickets now: its primaries, and its backups while its screens are down. */
export function ticketPrinters(printers: readonly Printer[], station: Pick<Station, 'id' | 'screensDownSince'>): Printer[] {
  return printers.filter((p) => hasRole(p, 'primary', station.id) || (station.screensDownSince !== undefined && hasRole(p, 'backup', station.id)));
}

export const expoPrinters = (printers: readonly Printer[]) => printers.filter((p) => hasRole(p, 'expo'));

/**
 * Queues a job on `printer` (or on the printer its queue is redirected to) unless the job already
 * exists: a re-run or a second identical event never prints twice.
 */
export async function queuePrintJob(
  tx: Tx,
  printer: Printer,
  job: { id: string; doc: PrintDoc; kitchenOrderId?: string; stationId?: string; at: number; kitchenOrderIds?: string[]; screensDownSince?: number | undefined },
): Promise<PrintJob | undefined> {
  if (await read(tx, printJobKey(job.id))) return undefined;
  const target = printer.redirectTo ? await read<Printer>(tx, printerKey(printer.redirectTo)) : undefined;
  const created: PrintJob = {
    id: job.id,
    printerId: target?.id ?? printer.id,
    ...(target ? { redirectedFrom: printer.id } : {}),
    ...(job.kitchenOrderId ? { kitchenOrderId: job.kitchenOrderId } : {}),
    ...(job.stationId ? { stationId: job.stationId } : {}),
    ...(job.kitchenOrderIds ? { kitchenOrderIds: job.kitchenOrderIds } : {}),
    ...(job.screensDownSince !== undefined ? { screensDownSince: job.screensDownSince } : {}),
    status: 'waiting',
    doc: job.doc,
    createdAt: job.at,
    updatedAt: job.at,
    attempts: 0,
  };
  await write(tx, printJobKey(created.id), created);
  return created;
}

async function ticketContext(tx: Tx, ticket: KitchenOrder) {
  const [order, station] = await Promise.all([read<Order>(tx, orderKey(ticket.orderId)), read<Station>(tx, stationKey(ticket.stationId))]);
  return { order, stationName: station?.name ?? ticket.stationId, station };
}

/** Prints a ticket that just went to the line on every printer that takes its station's tickets. */
export async function printTicket(tx: Tx, ticket: KitchenOrder, kind: PrintKind, at: number, printers?: readonly Printer[]): Promise<void> {
  const { order, stationName, station } = await ticketContext(tx, ticket);
  if (!order || !station) return;
  for (const printer of printers ?? ticketPrinters(await activePrinters(tx), station)) {
    const doc = ticketDoc(order, ticket, stationName, kind, at);
    // Printed because the station's screens are down: the screen lists it when one is back.
    const screensDownSince = kind !== 'reprint' && !hasRole(printer, 'primary', station.id) ? station.screensDownSince : undefined;
    const id = printJobId(ticket.id, kind === 'reprint' ? kind : 'ticket', printer.id, kind === 'reprint' ? at : undefined);
    await queuePrintJob(tx, printer, { id, doc, kitchenOrderId: ticket.id, stationId: ticket.stationId, at, screensDownSince });
  }
}

/** A void slip on every printer the ticket was printed on (a ticket nobody printed needs none). */
export async function printVoid(tx: Tx, ticket: KitchenOrder, at: number, reason?: string): Promise<void> {
  const batches = (await list<PrintJob>(tx, printJobKey(screenDownJobPrefix(ticket.stationId)))).filter((j) => j.kitchenOrderIds?.includes(ticket.id));
  const jobs = (await list<PrintJob>(tx, printJobKey(`${ticket.id}.`))).filter((j) => j.kitchenOrderId === ticket.id && ticketKinds.includes(j.doc.kind)).concat(batches);
  const printerIds = new Set(jobs.map((j) => j.redirectedFrom ?? j.printerId));
  if (printerIds.size === 0) return;
  const { order, stationName } = await ticketContext(tx, ticket);
  if (!order) return;
  for (const printerId of printerIds) {
    const printer = await read<Printer>(tx, printerKey(printerId));
    if (!printer) continue;
    const doc = ticketDoc(order, ticket, stationName, 'void', at, reason);
    await queuePrintJob(tx, printer, { id: printJobId(ticket.id, 'void', printerId), doc, kitchenOrderId: ticket.id, stationId: ticket.stationId, at });
  }
}

/** The expo chit when the order is all in. */
export async function printExpo(tx: Tx, order: Order, at: number): Promise<void> {
  for (const printer of expoPrinters(await activePrinters(tx))) {
    await queuePrintJob(tx, printer, { id: printJobId(order.id, 'expo', printer.id), doc: expoDoc(order, at), at });
  }
}
