import type { RailLayout } from './rail-layout.ts';

/** What the footer says about the tickets not on this page. */
export interface PageSummary {
  /** Tickets (or orders) whose first card is on a later page. */
  readonly later: number;
  /** When the oldest of those was fired. */
  readonly oldestLaterAt: number | undefined;
  /** The oldest off-screen one, when it is older than everything on screen. */
  readonly olderOffScreen: { readonly index: number; readonly page: number; readonly at: number } | undefined;
}

/**
 * Counts and ages for a page. `firedAt(i)` is when entry i went to the line, or undefined for
 * what does not age (held courses, voids): those count as waiting but never as "older".
 */
export function pageSummary(layout: RailLayout, page: number, count: number, firedAt: (index: number) => number | undefined): PageSummary {
  const onScreen = new Set((layout.pages[page] ?? []).flat().map((s) => s.ticketIndex));
  let later = 0;
  let oldestLaterAt: number | undefined;
  let oldestOnScreen = Infinity;
  let olderOffScreen: PageSummary['olderOffScreen'];
  for (let i = 0; i < count; i++) {
    const at = firedAt(i);
    if (onScreen.has(i)) {
      if (at !== undefined) oldestOnScreen = Math.min(oldestOnScreen, at);
      continue;
    }
    const first = layout.pageOf(i);
    if (first > page) {
      later++;
      if (at !== undefined) oldestLaterAt = Math.min(oldestLaterAt ?? at, at);
    }
    if (at !== undefined && (!olderOffScreen || at < olderOffScreen.at)) olderOffScreen = { index: i, page: first, at };
  }
  return { later, oldestLaterAt, olderOffScreen: olderOffScreen && olderOffScreen.at < oldestOnScreen ? olderOffScreen : undefined };
}

/** Where a page move lands: the first ticket that starts on that page, else the one it continues (at its first item there). */
export function firstOnPage(layout: RailLayout, page: number): { index: number; item: number | undefined } | undefined {
  const segments = (layout.pages[page] ?? []).flat();
  const start = segments.find((s) => s.part === 1);
  if (start) return { index: start.ticketIndex, item: undefined };
  const first = segments[0];
  return first && { index: first.ticketIndex, item: first.from };
}
