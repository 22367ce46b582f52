import type { ReactNode, RefObject } from 'react';
import { useElementSize } from '../hooks/use-element-size.ts';
import type { RailLayout, Segment } from '../model/rail-layout.ts';

/** Narrowest column a card is readable in, and the space between cards. */
const minColumnWidth = 300;
export const cardGap = 10;

/** As many columns of readable cards as the element's width allows, and their width. */
export function useColumns(): { ref: RefObject<HTMLDivElement | null>; height: number; columns: number; columnWidth: number } {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const columns = Math.max(1, Math.floor((size.width + cardGap) / (minColumnWidth + cardGap)));
  return { ref, height: size.height, columns, columnWidth: Math.floor((size.width - cardGap * (columns - 1)) / columns) };
}

export interface PagedColumnsProps {
  readonly gridRef: RefObject<HTMLDivElement | null>;
  readonly layout: RailLayout;
  readonly pageIndex: number;
  readonly columns: number;
  readonly columnWidth: number;
  /** "37 tickets", "12 orders". */
  readonly count: string;
  readonly card: (segment: Segment) => ReactNode;
}

/** One page of a laid-out rail as columns of cards, with the pager below. */
export function PagedColumns(p: PagedColumnsProps) {
  const page = p.layout.pages[p.pageIndex] ?? [];
  const pages = p.layout.pages.length;
  return (
    <>
      <div ref={p.gridRef} className="rail__grid" data-columns={p.columns}>
        {Array.from({ length: p.columns }, (_, c) => (
          <div key={c} className="rail__column" style={{ width: p.columnWidth }}>
            {(page[c] ?? []).map(p.card)}
          </div>
        ))}
      </div>
      <div className="rail__pager" data-page={p.pageIndex + 1} data-pages={pages}>
        {p.count}
        {pages > 1 && (
          <>
            {' '}
            · page {p.pageIndex + 1}/{pages} · <kbd>j</kbd>/<kbd>→</kbd> next
          </>
        )}
      </div>
    </>
  );
}
