import { useLayoutEffect, useMemo } from 'react';
import type { ExpoOrder } from '../model/expo.ts';
import { expoCardHeights } from '../model/expo-height.ts';
import { layoutRail } from '../model/rail-layout.ts';
import { guestAllergies } from '../model/ticket-facts.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { ExpoCard } from './expo-card.tsx';
import { cardGap, PagedColumns, useColumns } from './paged-columns.tsx';

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

/** Expo: one card per order, each station's progress, "all in" and the hand-off; a page at a time. */
export function ExpoBoard(p: ExpoBoardProps) {
  const { ref, height, columns, columnWidth } = useColumns();
  const layout = useMemo(() => {
    const heights = (i: number) => {
      const o = p.orders[i] as ExpoOrder;
      return expoCardHeights(o, o.tickets.some((t) => guestAllergies(t).length > 0));
    };
    return layoutRail(p.orders.length, heights, { columns, height, gap: cardGap, continued: 0 });
  }, [p.orders, columns, height]);
  useLayoutEffect(railCommitted, [p.orders]);
  return (
    <section className="expo" aria-label="Expo: orders at the pass" data-order-count={p.orders.length}>
      {p.orders.length === 0 && <div className="rail__empty">Nothing on the pass.</div>}
      <PagedColumns
        gridRef={ref}
        layout={layout}
        pageIndex={layout.pageOf(p.selectedIndex)}
        columns={columns}
        columnWidth={columnWidth}
        count={`${p.orders.length} orders`}
        card={({ ticketIndex }) => {
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
        }}
      />
    </section>
  );
}
