export interface RailPage {
  readonly start: number;
  readonly end: number;
  readonly page: number;
  readonly pages: number;
}

/**
 * The page of the rail holding the selected ticket. A kitchen screen shows what fits, as pages,
 * instead of a scrolling wall: cooks never lose the selection, and hundreds of open tickets
 * cost no more to draw than a dozen.
 */
export function railPage(count: number, selected: number, capacity: number): RailPage {
  const size = Math.max(1, Math.floor(capacity));
  const pages = Math.max(1, Math.ceil(count / size));
  const page = Math.min(pages - 1, Math.max(0, Math.floor(selected / size)));
  return { start: page * size, end: Math.min(count, (page + 1) * size), page, pages };
}

/** Columns and rows of cards that fit a rail of the given size. */
export function railGrid(width: number, height: number, minCardWidth = 300, minCardHeight = 320): { columns: number; rows: number } {
  return {
    columns: Math.max(1, Math.floor(width / minCardWidth)),
    rows: Math.max(1, Math.min(3, Math.floor(height / minCardHeight))),
  };
}
