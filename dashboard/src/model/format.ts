/** Display helpers: money in cents, clock times, durations and short order numbers. */

export function formatMoney(cents: number, currency = 'EUR', locale = 'en-GB'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** A short, speakable number for an order, the same one the kitchen screen shows: "#K7FA". */
export { displayNumber, orderNumber, ticketNumberOf } from '@kitchensync/shared';

/** "12.90" or "12,90" → 1290; undefined if it is not a price. */
export function parsePrice(text: string): number | undefined {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:05" in the browser's time zone. */
export function formatClock(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "14:05:09" for audit trails, where seconds matter. */
export function formatClockSeconds(at: number): string {
  const d = new Date(at);
  return `${formatClock(at)}:${pad(d.getSeconds())}`;
}

/** "45 s", "7 min", "1 h 05 min" (kitchen clocks read minutes; hours are rare and get both). */
export function formatDuration(ms: number): string {
  const s = Math.round(Math.max(0, ms) / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${pad(min % 60)} min`;
}

/** "45s", "12m", "1h 20m": an order's age on a card, where space is short. */
export function formatAge(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return `${s}s`;
  const min = Math.floor(s / 60);
  return min < 60 ? `${min}m` : `${Math.floor(min / 60)}h ${pad(min % 60)}m`;
}

/** "2 × Burger": quantities first, the way a server reads a ticket. */
export const lineLabel = (line: { quantity: number; name: string }) => `${line.quantity} × ${line.name}`;

/** "8 min" from seconds, for prep times. */
export function formatPrep(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const min = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${min} min` : `${min} min ${rest} s`;
}

/** "Table 12 · 4 guests", "Table 12", "4 guests", or undefined when the order has neither. */
export function tableLabel(order: { table?: string | undefined; guests?: number | undefined }): string | undefined {
  const parts = [order.table === undefined ? '' : `Table ${order.table}`, order.guests === undefined ? '' : `${order.guests} guest${order.guests === 1 ? '' : 's'}`];
  return parts.filter(Boolean).join(' · ') || undefined;
}
