import { serviceDayKey } from '../keys.ts';
import { localServiceDayOf, terminalCode } from '../order-number.ts';
import { claimTerminalCodeArgsSchema, type ServiceDay, type TerminalCounter } from '../schemas/order-numbers.ts';
import { read, write, type Tx } from '../tx.ts';
import { defineMutator } from './args.ts';

/*
 * Order numbers, unique within a restaurant and its service day by construction:
 * - the server gives each terminal of the day a code under the tenant's lock, in turn
 *   (the first of terminalCode(0), (1), … not in use: distinct codes), and never takes one back;
 * - a number is a code and that code's counter, or the server's own counter alone ("12"), and
 *   each counter only ever goes up, in the one `serviceDay/<date>` row, written in the same
 *   transaction as the order it numbers;
 * so two orders of a day can share neither a counter value nor, having no letters, a server
 * number with a terminal's. A terminal numbers offline from its replica's copy of that row (its own
 * code's counter moves only with its own orders), and the server runs the same code on its rows.
 * A restaurant hub cut off from the cloud is such a terminal for the orders it numbers itself
 * (server/src/hub/hub-numbering.ts): its code is fixed, so the hub and the cloud agree on it
 * without a claim the cut would keep from the cloud.
 */

/** The restaurant hub's own terminal, and its code, which no other terminal is given. */
export const hubTerminalId = 'hub';
export const hubTerminalCode = 'H';

const emptyDay = (id: string): ServiceDay => ({ id, lastNumber: 0, terminals: [] });

/** The code a terminal joining the day gets: the hub its own; any other the first in turn not in use (the hub's never). */
function nextCode(day: ServiceDay, terminalId: string): string {
  const used = new Set(day.terminals.map((t) => t.code));
  if (terminalId === hubTerminalId && !used.has(hubTerminalCode)) return hubTerminalCode;
  for (let i = 0; ; i++) {
    const code = terminalCode(i);
    if (code !== hubTerminalCode && !used.has(code)) return code;
  }
}

async function readDay(tx: Tx, day: string): Promise<ServiceDay> {
  return (await read<ServiceDay>(tx, serviceDayKey(day))) ?? emptyDay(day);
}

/** The day with `terminalId` given the next code, unless it has one. Only the server hands codes out. */
function withTerminal(day: ServiceDay, terminalId: string): ServiceDay {
  if (day.terminals.some((t) => t.terminalId === terminalId)) return day;
  const terminal: TerminalCounter = { code: nextCode(day, terminalId), terminalId, lastNumber: 0 };
  return { ...day, terminals: [...day.terminals, terminal] };
}

/** The day's numbering row an order or a claim reads: the terminal's day, else the server's day of the order. */
export const numberingReads = (args: { serviceDay?: string | undefined; at?: number }) =>
  [serviceDayKey(args.serviceDay ?? localServiceDayOf(args.at ?? 0))];

export interface Numbering {
  number?: string;
  serviceDay?: string;
}

/**
 * The next number for an order taken at `terminalId` (if any) on `serviceDay` (else the server's
 * day of `at`), and the day's counters moved past it. A client without its terminal's code yet
 * leaves the number to the server (the screens show "#…" until the server's answer).
 */
export async function assignNumber(tx: Tx, args: { terminalId?: string | undefined; serviceDay?: string | undefined; number?: string | undefined; at: number }): Promise<Numbering> {
  const server = tx.location === 'server';
  const dayId = args.serviceDay ?? (server ? localServiceDayOf(args.at) : undefined);
  if (dayId === undefined) return {};
  let day = await readDay(tx, dayId);
  if (server && args.terminalId !== undefined) day = withTerminal(day, args.terminalId);
  const terminal = day.terminals.find((t) => t.terminalId === args.terminalId);
  if (terminal) {
    const lastNumber = keptNumber(terminal, args.number) ?? terminal.lastNumber + 1;
    day = { ...day, terminals: day.terminals.map((t) => (t === terminal ? { ...t, lastNumber } : t)) };
    await write(tx, serviceDayKey(dayId), day);
    return { number: `${terminal.code}-${lastNumber}`, serviceDay: dayId };
  }
  if (!server) return { serviceDay: dayId };
  day = { ...day, lastNumber: day.lastNumber + 1 };
  await write(tx, serviceDayKey(dayId), day);
  return { number: String(day.lastNumber), serviceDay: dayId };
}

/** The counter value of a number the terminal gave itself, if it is its code's and beyond its counter (a gap stays unique). */
function keptNumber(terminal: TerminalCounter, number: string | undefined): number | undefined {
  const [code, count] = number?.split('-') ?? [];
  const n = Number(count);
  return code === terminal.code && n > terminal.lastNumber ? n : undefined;
}

/**
 * A terminal asks for its code of the day while it can reach the server, so it can number orders
 * offline later. Only the server hands codes out: on a client this writes nothing.
 */
export const claimTerminalCode = defineMutator(claimTerminalCodeArgsSchema, async (tx, args) => {
  if (tx.location !== 'server') return [];
  const day = await readDay(tx, args.serviceDay);
  const claimed = withTerminal(day, args.terminalId);
  if (claimed !== day) await write(tx, serviceDayKey(args.serviceDay), claimed);
  return [];
}, numberingReads);
