import { upsertPrinterArgsSchema, type PrintJobStatus, type PrintKind, type Printer, type PrinterRole, type UpsertPrinterArgs } from '@kitchensync/shared';

/** A printer as the form holds it: the port as typed. */
export interface PrinterForm {
  readonly id: string;
  readonly name: string;
  readonly host: string;
  readonly port: string;
  readonly paperMm: '58' | '80';
  readonly codePage: string;
}

/** Character tables kitchen printers commonly carry (the encoder's names); cp437 is the printers' default. */
export const codePages: readonly { id: string; label: string }[] = [
  { id: 'cp437', label: 'cp437 · USA, standard Europe' },
  { id: 'cp850', label: 'cp850 · Western Europe' },
  { id: 'cp858', label: 'cp858 · Western Europe with €' },
  { id: 'cp852', label: 'cp852 · Central Europe' },
  { id: 'cp866', label: 'cp866 · Cyrillic' },
  { id: 'windows1252', label: 'Windows-1252' },
];

/** A new printer: a network ESC/POS printer listens on raw TCP 9100; 80 mm paper is the kitchen standard. */
export const emptyPrinterForm = (id: string): PrinterForm => ({ id, name: '', host: '', port: '9100', paperMm: '80', codePage: 'cp437' });

export const printerToForm = (p: Printer): PrinterForm => ({ id: p.id, name: p.name, host: p.host, port: String(p.port), paperMm: p.paperMm === 58 ? '58' : '80', codePage: p.codePage });

export type PrinterFormResult = { ok: true; args: UpsertPrinterArgs } | { ok: false; problem: string };

/** The form as upsertPrinter's args, or what to fix. */
export function parsePrinterForm(form: PrinterForm): PrinterFormResult {
  if (form.name.trim() === '') return { ok: false, problem: 'Give the printer a name (e.g. Bar).' };
  if (!/^\d{1,5}$/.test(form.port.trim())) return { ok: false, problem: 'The port is a number from 1 to 65535 (9100 for most network printers).' };
  const parsed = upsertPrinterArgsSchema.safeParse({ id: form.id, name: form.name.trim(), host: form.host.trim(), port: Number(form.port), paperMm: Number(form.paperMm), codePage: form.codePage });
  if (parsed.success) return { ok: true, args: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  if (field === 'host') return { ok: false, problem: 'The host is the printer’s IP address or name on the restaurant’s network (e.g. 192.168.1.50).' };
  if (field === 'port') return { ok: false, problem: 'The port is a number from 1 to 65535 (9100 for most network printers).' };
  return { ok: false, problem: 'Check the name (up to 60 characters) and the code page.' };
}

export const roleLabel: Record<PrinterRole, string> = { primary: 'Primary', backup: 'Backup', expo: 'Expo' };

/** What each role does, said where a manager picks it. */
export const roleHelp: Record<PrinterRole, string> = {
  primary: 'every ticket of a station without a screen',
  backup: 'a station’s tickets while its screens are down, and reprints',
  expo: 'an order chit when the order is all in',
};

export const jobStatusLabel: Record<PrintJobStatus, string> = { waiting: 'Waiting', printing: 'Printing', printed: 'Printed', failed: 'Failed' };

export const printKindLabel: Record<PrintKind, string> = {
  ticket: 'Ticket',
  course: 'Course',
  void: 'Void slip',
  reprint: 'Reprint',
  expo: 'Expo chit',
  screen_down: 'Screen down',
};
