import type { Printer, PrinterCondition } from '../schemas/printers.ts';

const conditionWords: Record<Exclude<PrinterCondition, 'ok'>, string> = {
  paper_out: 'paper out',
  cover_open: 'cover open',
  offline: 'offline',
  unreachable: 'not reachable',
};

export const printerConditionLabel = (condition: PrinterCondition): string => (condition === 'ok' ? 'ready' : conditionWords[condition]);

const ticketsWaiting = (n: number) => `${n} ticket${n === 1 ? '' : 's'} waiting`;

/**
 * What a station's screen and the dashboard say about a printer that cannot print, from the state
 * the print agent last reported ("Printer Bar: paper out — 3 tickets waiting"), or undefined while
 * it prints. A printer whose queue a manager sent elsewhere says where its tickets go instead.
 */
export function printerAlert(printer: Pick<Printer, 'name' | 'active' | 'state'>, redirectedTo?: string): string | undefined {
  const condition = printer.state?.condition ?? 'ok';
  if (!printer.active || condition === 'ok') return undefined;
  const head = `Printer ${printer.name}: ${conditionWords[condition]}`;
  if (redirectedTo !== undefined) return `${head} — its tickets print on ${redirectedTo}`;
  return `${head} — ${ticketsWaiting(printer.state?.waiting ?? 0)}`;
}

export interface PrinterAlert {
  readonly printerId: string;
  readonly text: string;
}

/**
 * The alerts of printers that cannot print, by name: every printer's (the dashboard, expo), or
 * those serving any of `stationIds` (a station's screen).
 */
export function printerAlerts(printers: Iterable<Printer>, stationIds?: readonly string[]): PrinterAlert[] {
  const all = [...printers];
  const serves = (p: Printer) => stationIds === undefined || p.assignments.some((a) => a.stationId !== undefined && stationIds.includes(a.stationId));
  return all
    .filter(serves)
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((p) => {
      const text = printerAlert(p, all.find((t) => t.id === p.redirectTo)?.name);
      return text ? [{ printerId: p.id, text }] : [];
    });
}
