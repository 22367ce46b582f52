import type { PrintDoc, PrintItem } from '../schemas/printers.ts';

/** One line of paper. `large` is double width and height: half as many characters fit. */
export interface PrintLine {
  readonly text: string;
  readonly large?: true;
  readonly bold?: true;
  /** White on black: what nobody on the line can miss. */
  readonly invert?: true;
  readonly align?: 'center';
}

export interface LayoutOptions {
  /** Characters per line at normal size (32 on 58 mm paper, 48 on 80 mm). */
  readonly columns: number;
  /** The agent could not tell whether an earlier copy printed. */
  readonly possibleDuplicate?: boolean;
  /** The restaurant's time zone for the fire time (IANA name); UTC when absent. */
  readonly timeZone?: string;
}

type Style = Omit<PrintLine, 'text'>;

/** Breaks text into lines of at most `width` characters, at spaces where it can; follow-on lines get `indent`. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  let rest = text.trimEnd();
  let prefix = '';
  while (rest.length > 0) {
    const room = Math.max(1, width - prefix.length);
    if (rest.length <= room) {
      out.push(prefix + rest);
      break;
    }
    const space = rest.lastIndexOf(' ', room);
    const cut = space > 0 ? space : room;
    out.push(prefix + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
    prefix = indent;
  }
  return out.length > 0 ? out : [''];
}

const channelLabel: Record<string, string> = { dine_in: 'Dine in', takeaway: 'Takeaway', delivery: 'Delivery', online: 'Online' };

const banners: Partial<Record<PrintDoc['kind'], string>> = {
  void: '*** VOID ***',
  reprint: 'REPRINT',
  course: 'FIRE COURSE',
  expo: 'EXPO - ALL IN',
  screen_down: 'SCREEN DOWN',
};

function clock(at: number, timeZone: string | undefined): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: timeZone ?? 'UTC' }).format(at);
}

function where(doc: PrintDoc): string {
  if (doc.table) return `Table ${doc.table}${doc.guests ? ` - ${doc.guests} guest${doc.guests === 1 ? '' : 's'}` : ''}`;
  return channelLabel[doc.channel] ?? doc.channel;
}

function itemLines(item: PrintItem, columns: number, add: (text: string, style?: Style) => void): void {
  if (item.guestAllergy) for (const l of wrap(`ALLERGY: ${item.guestAllergy}`, columns, '  ')) add(l, { invert: true, bold: true });
  for (const l of wrap(`${item.quantity} x ${item.name}`, columns, '    ')) add(l, { bold: true });
  for (const m of item.modifiers) for (const l of wrap(`  + ${m}`, columns, '    ')) add(l);
  if (item.notes) for (const l of wrap(`  > ${item.notes}`, columns, '    ')) add(l);
}

/**
 * What a job prints, line by line with styles: the one layout the printer and any on-screen
 * preview share. Guest allergies come first, inverted; the order number is large; a void slip
 * says VOID at its top and bottom and lists what not to make; a reprint and a possible duplicate
 * say so before anything else.
 */
export function layoutPrintDoc(doc: PrintDoc, options: LayoutOptions): PrintLine[] {
  if (doc.tickets) return batchLines(doc, doc.tickets, options);
  const { columns } = options;
  const lines: PrintLine[] = [];
  const add = (text: string, style: Style = {}) => lines.push({ text, ...style });
  const large = (text: string, style: Style = {}) => {
    for (const l of wrap(text, Math.floor(columns / 2))) add(l, { large: true, bold: true, align: 'center', ...style });
  };
  const rule = (char = '-') => add(char.repeat(columns));
  if (options.possibleDuplicate) for (const l of wrap('POSSIBLE DUPLICATE - check before cooking', columns)) add(l, { invert: true, bold: true, align: 'center' });
  const banner = banners[doc.kind];
  if (doc.kind === 'void' || doc.kind === 'reprint') large(banner as string, { invert: true });
  for (const allergy of doc.allergies) for (const l of wrap(`ALLERGY: ${allergy}`, columns, '  ')) add(l, { invert: true, bold: true });
  large(doc.number);
  add(where(doc), { align: 'center' });
  const course = doc.kind === 'course' ? `${banner} ${doc.course ?? 1}` : doc.kind === 'expo' || doc.kind === 'screen_down' ? (banner as string) : undefined;
  const heading = [doc.stationName, course ?? (doc.course && doc.course > 1 ? `Course ${doc.course}` : undefined)].filter(Boolean).join(' - ');
  if (heading) add(heading, { bold: true, align: 'center' });
  rule();
  if (doc.kind === 'void') add('DO NOT MAKE:', { bold: true });
  for (const item of doc.items) itemLines(item, columns, add);
  rule();
  add(`${doc.kind === 'void' ? 'Voided' : doc.kind === 'expo' ? 'All in' : 'Fired'} ${clock(doc.at, options.timeZone)}`);
  if (doc.reason) for (const l of wrap(`Reason: ${doc.reason}`, columns, '  ')) add(l);
  if (doc.kind === 'void') large(banner as string, { invert: true });
  return lines;
}

/**
 * A "screen down" batch: a header naming the station, when its screens went and when this
 * printed, then each ticket that was open on the dead screen as it would print alone.
 */
function batchLines(doc: PrintDoc, tickets: readonly PrintDoc[], options: LayoutOptions): PrintLine[] {
  const { columns } = options;
  const lines: PrintLine[] = [];
  const add = (text: string, style: Style = {}) => lines.push({ text, ...style });
  if (options.possibleDuplicate) for (const l of wrap('POSSIBLE DUPLICATE - check before cooking', columns)) add(l, { invert: true, bold: true, align: 'center' });
  for (const l of wrap(banners.screen_down as string, Math.floor(columns / 2))) add(l, { large: true, bold: true, invert: true, align: 'center' });
  if (doc.stationName) for (const l of wrap(doc.stationName, columns)) add(l, { bold: true, align: 'center' });
  if (doc.screensGoneSince !== undefined) add(`Screens gone since ${clock(doc.screensGoneSince, options.timeZone)}`, { align: 'center' });
  add(`Printed ${clock(doc.at, options.timeZone)} - ${tickets.length} open ticket${tickets.length === 1 ? '' : 's'}`, { align: 'center' });
  add('='.repeat(columns));
  for (const ticket of tickets) {
    lines.push(...layoutPrintDoc(ticket, { ...options, possibleDuplicate: false }));
    add('='.repeat(columns));
  }
  return lines;
}
