/** Heights of one card: its fixed parts (header, banners) and each item row. */
export interface CardHeights {
  readonly chrome: number;
  readonly items: readonly number[];
}

/** One card on screen: all of a ticket's items, or a run of them when it continues on the next card. */
export interface Segment {
  readonly ticketIndex: number;
  readonly from: number;
  readonly to: number;
  /** 1-based; `parts` is 1 for a ticket that fits one card. */
  readonly part: number;
  readonly parts: number;
}

export interface LayoutBox {
  readonly columns: number;
  /** Height of a column in px: a card never grows past it, it continues instead. */
  readonly height: number;
  readonly gap: number;
  /** Height of one "continued" marker on a card that is a part of a ticket. */
  readonly continued: number;
  /** Cards are never split (expo's order cards): one that does not fit starts the next column. */
  readonly whole?: boolean;
}

export interface RailLayout {
  /** page → column → cards, top to bottom. */
  readonly pages: readonly (readonly (readonly Segment[])[])[];
  /** Page of a ticket's first card, or of the card holding its item `item`. */
  pageOf(ticketIndex: number, item?: number): number;
}

/** A ticket of this many lines or fewer moves whole to the next column rather than split. */
export const shortTicketLines = 3;

const sum = (xs: readonly number[], from = 0, to = xs.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i] ?? 0;
  return s;
};

type Put = { from: number; to: number; height: number };

/**
 * Packs tickets, in rail order, top to bottom into columns and columns into pages, the way KDS
 * screens do: cards take the height of their content and nothing scrolls or clips. A short
 * ticket that does not fit under the last card starts the next column; a longer one starts where
 * there is room, even low in a column, and continues at the top of the next ("1/2", "2/2", on the
 * next page if need be). So no column stays empty while tickets wait.
 */
export function layoutRail(count: number, heightsOf: (index: number) => CardHeights, box: LayoutBox): RailLayout {
  const pages: Segment[][][] = [];
  let columns: Segment[][] = [[]];
  let used = 0;
  const where: { page: number; to: number }[][] = [];
  const room = () => box.height - (used > 0 ? used + box.gap : 0);
  const newColumn = () => {
    if (columns.length >= box.columns) {
      pages.push(columns);
      columns = [[]];
    } else columns.push([]);
    used = 0;
  };
  const place = (i: number, runs: readonly Put[]) =>
    runs.forEach((run, k) => {
      if (k > 0) newColumn();
      columns[columns.length - 1]?.push({ ticketIndex: i, from: run.from, to: run.to, part: k + 1, parts: runs.length });
      used += (used > 0 ? box.gap : 0) + run.height;
      (where[i] ??= []).push({ page: pages.length, to: run.to });
    });

  for (let i = 0; i < count; i++) {
    const h = heightsOf(i);
    const whole = h.chrome + sum(h.items);
    if (whole > room() && used > 0 && (box.whole || !fitsAnyRun(h, box, room()))) newColumn();
    place(i, whole <= room() || box.whole ? [{ from: 0, to: h.items.length, height: whole }] : split(h, box, room()));
  }
  if (columns.some((c) => c.length > 0) || pages.length === 0) pages.push(columns);
  return {
    pages,
    pageOf(ticketIndex, item) {
      const parts = where[ticketIndex];
      if (!parts) return Math.max(0, pages.length - 1);
      const part = item === undefined ? parts[0] : (parts.find((p) => item < p.to) ?? parts[parts.length - 1]);
      return part?.page ?? 0;
    },
  };
}

/** Whether a long ticket is worth starting in the room left: two lines at least, with its markers. */
function fitsAnyRun(h: CardHeights, box: LayoutBox, first: number): boolean {
  return h.items.length > shortTicketLines && h.chrome + box.continued + sum(h.items, 0, 2) <= first;
}

/**
 * Runs of a ticket's items: the first fills `first` px (what is left of the column), each next
 * one a whole column. Each part carries the chrome and its markers; at least one item per part.
 */
export function split(h: CardHeights, box: LayoutBox, first: number): Put[] {
  const n = h.items.length;
  const runs: Put[] = [];
  for (let from = 0; from < n; ) {
    const space = runs.length === 0 ? first : box.height;
    const top = runs.length > 0 ? box.continued : 0;
    // The last part needs no "continued on" marker: try it without first.
    if (h.chrome + top + sum(h.items, from) <= space) {
      runs.push({ from, to: n, height: h.chrome + top + sum(h.items, from) });
      break;
    }
    let height = h.chrome + top + box.continued;
    let to = from;
    while (to < n && (to === from || height + (h.items[to] ?? 0) <= space)) height += h.items[to++] ?? 0;
    runs.push({ from, to, height });
    from = to;
  }
  return runs;
}
