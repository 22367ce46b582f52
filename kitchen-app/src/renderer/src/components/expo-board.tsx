import { useLayoutEffect, useMemo } from 'react';
import { useElementSize } from '../hooks/use-element-size.ts';
import type { ExpoOrder } from '../model/expo.ts';
import { expoCardHeights } from '../model/expo-height.ts';
import { layoutRail } from '../model/rail-layout.ts';
import { guestAllergies } from '../model/ticket-facts.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { ExpoCard } from './expo-card.tsx';

export interface ExpoBoardProps {
  readonly orders: readonly ExpoOrder[];
  readonly selectedId: string | undefined;
  readonly selectedIndex: number;
  readonly customerName: (orderId: string) => string | undefined;
  readonly stationName: (id: string) => string;
  readonly onSelect: (id: string) => void;
  readonly onFire: (orderId: string, course: number) => void;
  readonly onHandOff: (order: ExpoOrder) => void;
}

const minColumnWidth = 300;
const gap = 10;

/** Expo: one card per order, each station's progress, "all in" and the hand-off; a page at a time. */
export function ExpoBoard(p: ExpoBoardProps) {
  const [ref, size] = useElementSize<HTMLDivElement>();
  const columns = Math.max(1, Math.floor((size.width + gap) / (minColumnWidth + gap)));
  const columnWidth = Math.floor((size.width - gap * (columns - 1)) / columns);
  const layout = useMemo(
    () =>
      layoutRail(
        p.orders.length,
        (i) => {
          const o = p.orders[i] as ExpoOrder;
          return expoCardHeights(o, o.tickets.some((t) => guestAllergies(t).length > 0));
        },
        { columns, height: size.height, gap, continued: 0 },
      ),
    [p.orders, columns, size.height],
  );
  const pageIndex = layout.pageOf(p.selectedIndex);
  const page = layout.pages[pageIndex] ?? [];
  useLayoutEffect(railCommitted, [p.orders]);
  return (
    <section className="expo" aria-label="Expo: orders at the pass" data-order-count={p.orders.length}>
      {p.orders.length === 0 && <div className="rail__empty">Nothing on the pass.</div>}
      <div ref={ref} className="rail__grid">
        {Array.from({ length: columns }, (_, c) => (
          <div key={c} className="rail__column" style={{ width: columnWidth }}>
            {(page[c] ?? []).map(({ ticketIndex }) => {
              const o = p.orders[ticketIndex] as ExpoOrder;
              return (
                <ExpoCard
                  key={o.id}
                  order={o}
                  selected={o.id === p.selectedId}
                  customer={p.customerName(o.orderId)}
                  stationName={p.stationName}
                  onSelect={p.onSelect}
                  onFire={p.onFire}
                  onHandOff={p.onHandOff}
                />
              );
            })}
          </div>
        ))}
      </div>
      <div className="rail__pager" data-page={pageIndex + 1} data-pages={layout.pages.length}>
        {p.orders.length} orders{layout.pages.length > 1 ? ` · page ${pageIndex + 1}/${layout.pages.length}` : ''}
      </div>
    </section>
  );
}
