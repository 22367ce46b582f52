/** Heights of one card: its fixed parts (header, banners, bump) and each item row (with its gap). */
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
  /** Extra height of a card that shows "continued". */
  readonly continued: number;
}

export interface RailLayout {
  /** page → column → cards, top to bottom. */
  readonly pages: readonly (readonly (readonly Segment[])[])[];
  /** Page of a ticket's first card, or of the card holding its item `item`. */
  pageOf(ticketIndex: number, item?: number): number;
}

const sum = (xs: readonly number[], from = 0, to = xs.length) => {
  let s = 0;
  for (let i = from; i < to; i++) s += xs[i] ?? 0;
  return s;
};

/** Runs of items that each fit a column under the card's chrome (at least one item per card). */
export function splitCard(h: CardHeights, box: LayoutBox): [number, number][] {
  const n = h.items.length;
  if (h.chrome + sum(h.items) <= box.height || n <= 1) return [[0, n]];
  const runs: [number, number][] = [];
  for (let from = 0; from < n; ) {
    let used = h.chrome + box.continued;
    let to = from;
    while (to < n && (to === from || used + (h.items[to] ?? 0) <= box.height)) used += h.items[to++] ?? 0;
    runs.push([from, to]);
    from = to;
  }
  return runs;
}

/**
 * Packs tickets, in rail order, top to bottom into columns and columns into pages, the way KDS
 * screens do: cards take the height of their content, nothing scrolls or clips, and a ticket
 * taller than a column continues on the next card ("1/2", "2/2"), on the same page when it can.
 */
export function layoutRail(count: number, heightsOf: (index: number) => CardHeights, box: LayoutBox): RailLayout {
  const pages: Segment[][][] = [];
  let columns: Segment[][] = [[]];
  let used = 0;
  const where: { page: number; to: number }[][] = [];
  const newPage = () => {
    pages.push(columns.filter((c, k) => k === 0 || c.length > 0));
    columns = [[]];
    used = 0;
  };
  const newColumn = () => {
    if (columns.length >= box.columns) newPage();
    else columns.push([]);
    used = 0;
  };
  const put = (segment: Segment, height: number) => {
    if (used > 0 && used + box.gap + height > box.height) newColumn();
    columns[columns.length - 1]?.push(segment);
    used += (used > 0 ? box.gap : 0) + height;
    (where[segment.ticketIndex] ??= []).push({ page: pages.length, to: segment.to });
  };
  for (let i = 0; i < count; i++) {
    const h = heightsOf(i);
    const runs = splitCard(h, box);
    if (runs.length === 1) {
      put({ ticketIndex: i, from: 0, to: h.items.length, part: 1, parts: 1 }, h.chrome + sum(h.items));
      continue;
    }
    if (used > 0) newColumn();
    const pageHasCards = columns.length > 1 || used > 0;
    if (pageHasCards && runs.length <= box.columns && columns.length - 1 + runs.length > box.columns) newPage();
    runs.forEach(([from, to], k) => {
      if (k > 0) newColumn();
      put({ ticketIndex: i, from, to, part: k + 1, parts: runs.length }, h.chrome + box.continued + sum(h.items, from, to));
    });
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
