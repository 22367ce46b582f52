import { keyPrefix, orderKey, printerKey, screenDownJobId } from '../keys.ts';
import { openTicketStatuses } from '../machines/kitchen-order-machine.ts';
import type { KitchenOrder, Order, Station } from '../schema.ts';
import type { PrintJob, Printer } from '../schemas/printers.ts';
import type { ScreenDownNotice } from '../schemas/screens.ts';
import { list, read, type Tx } from '../tx.ts';
import { screenDownDoc, ticketDoc } from './print-doc.ts';
import { activePrinters, hasRole, queuePrintJob } from './print-jobs.ts';

export const backupPrinters = async (tx: Tx, stationId: string): Promise<Printer[]> =>
  (await activePrinters(tx)).filter((p) => hasRole(p, 'backup', stationId));

/** Tickets already on this printer's paper (or queued for it): alone, or in an earlier batch. */
function onPaper(jobs: readonly PrintJob[], printerId: string): Set<string> {
  const here = jobs.filter((j) => (j.redirectedFrom ?? j.printerId) === printerId && j.doc.kind !== 'void' && j.doc.kind !== 'expo');
  return new Set(here.flatMap((j) => j.kitchenOrderIds ?? (j.kitchenOrderId ? [j.kitchenOrderId] : [])));
}

/**
 * The station's screens are gone: each backup printer gets one batch of the tickets that were open
 * on them (oldest fired first), leaving out any ticket that printer already printed: a ticket
 * prints there once, however many times the screens come and go.
 */
export async function printScreenDownBatch(tx: Tx, station: Station, printers: readonly Printer[], since: number, at: number): Promise<string[]> {
  const open = (await list<KitchenOrder>(tx, keyPrefix.kitchenOrder))
    .filter((t) => t.stationId === station.id && openTicketStatuses.includes(t.status))
    .sort((a, b) => (a.firedAt ?? a.createdAt) - (b.firedAt ?? b.createdAt) || a.id.localeCompare(b.id));
  if (open.length === 0) return [];
  const jobs = (await list<PrintJob>(tx, keyPrefix.printJob)).filter((j) => j.stationId === station.id);
  const queued: string[] = [];
  for (const printer of printers) {
    const printed = onPaper(jobs, printer.id);
    const docs = [];
    for (const ticket of open.filter((t) => !printed.has(t.id))) {
      const order = await read<Order>(tx, orderKey(ticket.orderId));
      if (order) docs.push({ ticket, doc: ticketDoc(order, ticket, station.name, 'ticket', ticket.firedAt ?? ticket.createdAt) });
    }
    if (docs.length === 0) continue;
    const doc = screenDownDoc(station.name, docs.map((d) => d.doc), since, at);
    const job = { id: screenDownJobId(station.id, printer.id, since), doc, stationId: station.id, kitchenOrderIds: docs.map((d) => d.ticket.id), screensDownSince: since, at };
    if (await queuePrintJob(tx, printer, job)) queued.push(job.id);
  }
  return queued;
}

/** What printed for the station during the outage that began `since`, per printer it went to. */
export async function printedWhileDown(tx: Tx, stationId: string, since: number): Promise<ScreenDownNotice['printed']> {
  const jobs = (await list<PrintJob>(tx, keyPrefix.printJob))
    .filter((j) => j.stationId === stationId && j.screensDownSince === since)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const byPrinter = new Map<string, string[]>();
  for (const job of jobs) {
    const numbers = job.doc.tickets ? job.doc.tickets.map((t) => t.number) : [job.doc.number];
    byPrinter.set(job.printerId, [...new Set([...(byPrinter.get(job.printerId) ?? []), ...numbers])]);
  }
  const printed = [];
  for (const [printerId, numbers] of byPrinter) {
    const printer = await read<Printer>(tx, printerKey(printerId));
    printed.push({ printerId, printerName: printer?.name ?? printerId, numbers });
  }
  return printed;
}

/** A notice not yet dismissed keeps what it said: the new outage's prints are added to it. */
export function mergeNotices(earlier: ScreenDownNotice | undefined, next: ScreenDownNotice): ScreenDownNotice {
  if (!earlier) return next;
  const printed = [...earlier.printed];
  for (const p of next.printed) {
    const same = printed.findIndex((e) => e.printerId === p.printerId);
    if (same < 0) printed.push(p);
    else printed[same] = { ...p, numbers: [...new Set([...(printed[same]?.numbers ?? []), ...p.numbers])] };
  }
  return { since: earlier.since, until: next.until, printed };
}
