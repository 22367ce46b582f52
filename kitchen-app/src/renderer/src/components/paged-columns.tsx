import { useLayoutEffect, type ReactNode, type RefObject } from 'react';
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

/** One page of a laid-out rail as columns of cards, with the pager below. */
export function PagedColumns(p: PagedColumnsProps) {
  const page = p.layout.pages[p.pageIndex] ?? [];
  const { pagerRef, layout, pageIndex } = p;
  useLayoutEffect(() => {
    pagerRef.current = { layout, page: pageIndex };
  }, [pagerRef, layout, pageIndex]);
  return (
    <>
      <div ref={p.gridRef} className="rail__grid" data-columns={p.columns}>
        {Array.from({ length: p.columns }, (_, c) => (
          <div key={c} className="rail__column" style={{ width: p.columnWidth }}>
            {(page[c] ?? []).map(p.card)}
          </div>
        ))}
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
