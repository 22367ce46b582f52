/**
 * The counts a kitchen screen shows, defined once so the header and the footer always agree:
 * a station counts its open tickets (fired, not bumped; held courses and voids apart), expo
 * counts the orders at the pass.
 */
export interface ScreenCounts {
  /** The one number both the header and the footer say. */
  readonly main: number;
  /** Its words: "12 open tickets", "1 order at the pass". */
  readonly words: string;
  /** Later courses waiting to be fired (stations only). */
  readonly held: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function stationCounts(open: number, held: number): ScreenCounts {
  return { main: open, words: plural(open, 'open ticket', 'open tickets'), held };
}

export function expoCounts(orders: number): ScreenCounts {
  return { main: orders, words: plural(orders, 'order at the pass', 'orders at the pass'), held: 0 };
}
