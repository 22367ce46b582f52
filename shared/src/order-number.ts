/**
 * Letters and digits that cannot be mistaken for one another on a ticket or over the pass: no
 * 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, 6/G or U (V stays: without U it has no twin).
 */
export const orderNumberAlphabet = 'ACEFHJKMNPRTVWXY3479';
const length = 4;

/** FNV-1a over the id with murmur3's final mix (ids differ in a character or two): the same everywhere. */
function hashId(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * The short number staff call out and customers see ("#K7FA"): four characters of an alphabet
 * without look-alikes, derived from the order id. Every screen uses this one, so the kitchen and
 * the front say the same thing.
 */
export function orderNumber(orderId: string): string {
  let rest = hashId(orderId);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += orderNumberAlphabet[rest % orderNumberAlphabet.length];
    rest = Math.floor(rest / orderNumberAlphabet.length);
  }
  return `#${out}`;
}

/** Letters only (codes sit before a number): the alphabet above without its digits. */
export const terminalCodeAlphabet = 'ACEFHJKMNPRTVWXY';

/** The code of the day's `index`-th terminal (0 → A, 15 → Y, 16 → AA, …): distinct indexes, distinct codes. */
export function terminalCode(index: number): string {
  const base = terminalCodeAlphabet.length;
  let rest = index;
  let code = '';
  do {
    code = terminalCodeAlphabet[rest % base] + code;
    rest = Math.floor(rest / base) - 1;
  } while (rest >= 0);
  return code;
}

/** A service runs past midnight: until 04:00 it still belongs to the day before. */
const rolloverMs = 4 * 3600_000;

/** The service day of instant `at`, for a clock `utcOffsetMinutes` ahead of UTC. */
export function serviceDayOf(at: number, utcOffsetMinutes: number): string {
  // Kept within four-digit years: the args allow instants up to Date's limit, which must not throw.
  return new Date(Math.min(253_402_300_799_999, Math.max(0, at + utcOffsetMinutes * 60_000 - rolloverMs))).toISOString().slice(0, 10);
}

/** The service day of `at` on this machine's clock (a terminal's, or the server's `TZ`). */
export const localServiceDayOf = (at: number) => serviceDayOf(at, -new Date(at).getTimezoneOffset());

/**
 * What every screen shows for an order: its number ("#A-12"); "#…" while a new order waits for
 * the server to number it; orders from before numbers existed keep their four characters.
 */
export function displayNumber(order: { id: string; number?: string | undefined; serviceDay?: string | undefined }): string {
  if (order.number !== undefined) return `#${order.number}`;
  return order.serviceDay === undefined ? orderNumber(order.id) : '#…';
}

/** A ticket's order number (tickets carry their order's number from the contract). */
export const ticketNumberOf = (ticket: { orderId: string; number?: string | undefined }) =>
  displayNumber({ id: ticket.orderId, number: ticket.number });
