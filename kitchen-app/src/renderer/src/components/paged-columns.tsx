import { useLayoutEffect, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { useElementSize } from '../hooks/use-element-size.ts';
import { pageSummary } from '../model/paging.ts';
import type { RailLayout, Segment } from '../model/rail-layout.ts';
import { PagerFooter } from './pager-footer.tsx';

/** Narrowest column a card is readable in, and the space between cards. */
const minColumnWidth = 290;
export const cardGap = 6;

/** As many columns of readable cards as the element's width allows, and their width. */
export function useColumns(): { ref: RefObject<HTMLDivElement | null>; height: number; columns: number; columnWidth: number } {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const columns = Math.max(1, Math.floor((size.width + cardGap) / (minColumnWidth + cardGap)));
  return { ref, height: size.height, columns, columnWidth: Math.floor((size.width - cardGap * (columns - 1)) / columns) };
}

/** The layout on screen and its page, for the keys that turn pages. */
export interface Pager {
  readonly layout: RailLayout;
  readonly page: number;
}

export interface PagedColumnsProps {
  readonly gridRef: RefObject<HTMLDivElement | null>;
  readonly layout: RailLayout;
  readonly pageIndex: number;
  readonly columns: number;
  readonly columnWidth: number;
  /** The screen's count in its words ("37 open tickets", "12 orders at the pass"). */
  readonly words: string;
  readonly noun: string;
  readonly count: number;
  /** When entry i went to the line; undefined for what does not age (held, voids). */
  readonly firedAt: (index: number) => number | undefined;
  readonly labelOf: (index: number) => string;
  readonly pagerRef: RefObject<Pager | undefined>;
  readonly card: (segment: Segment) => ReactNode;
}

/**
 * One page of a laid-out rail as columns of cards, with the pager below. The cards are siblings in
 * one column-wrapping flexbox, a break between columns: when a bump moves a card to the previous
 * column it keeps its DOM node (React cannot move a node between parents; it re-created each card
 * that changed column, a third of a bump's work), and only the breaks move. The flow is a little
 * taller than the grid: a column the layout filled to the last (rounded) pixel must not wrap early.
 */
export function PagedColumns(p: PagedColumnsProps) {
  const page = p.layout.pages[p.pageIndex] ?? [];
  const { pagerRef, layout, pageIndex } = p;
  useLayoutEffect(() => {
    pagerRef.current = { layout, page: pageIndex };
  }, [pagerRef, layout, pageIndex]);
  return (
    <>
      <div ref={p.gridRef} className="rail__grid" data-columns={p.columns}>
        <div className="rail__flow" style={{ '--column-width': `${p.columnWidth}px` } as CSSProperties}>
          {page.flatMap((column, c) => (c === 0 ? column.map(p.card) : [<i key={`column-${c}`} className="rail__break" aria-hidden="true" />, ...column.map(p.card)]))}
        </div>
      </div>
      <PagerFooter
        words={p.words}
        page={p.pageIndex}
        pages={p.layout.pages.length}
        summary={pageSummary(p.layout, p.pageIndex, p.count, p.firedAt)}
        noun={p.noun}
        labelOf={p.labelOf}
      />
    </>
  );
}
