import { useLayoutEffect, useMemo, type RefObject } from 'react';
import type { ExpoOrder } from '../model/expo.ts';
import { expoCardHeights } from '../model/expo-height.ts';
import { layoutRail } from '../model/rail-layout.ts';
import { guestAllergies, type Thresholds } from '../model/ticket-facts.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { useExpoHeights } from '../hooks/use-expo-heights.ts';
import { ExpoCard } from './expo-card.tsx';
import { cardGap, PagedColumns, useColumns, type Pager } from './paged-columns.tsx';

export interface ExpoBoardProps {
  readonly orders: readonly ExpoOrder[];
  /** The screen's count in words, the header's too. */
  readonly words: string;
  readonly selectedId: string | undefined;
  readonly selectedIndex: number;
  readonly pickedItem: number | undefined;
  readonly pagerRef: RefObject<Pager | undefined>;
  readonly customerName: (orderId: string) => string | undefined;
  readonly stationName: (id: string) => string;
  readonly thresholdsOf: (stationId: string) => Thresholds;
  readonly onSelect: (id: string) => void;
  readonly onFire: (orderId: string, course: number) => void;
  readonly onHandOff: (order: ExpoOrder) => void;
  readonly onRush: (orderId: string, rush: boolean) => void;
}

/** Expo: one card per order, each station's items and progress, "all in" and the hand-off; a page at a time. */
export function ExpoBoard(p: ExpoBoardProps) {
  const { ref, height, columns, columnWidth } = useColumns();
  const { heightOf, version } = useExpoHeights(ref, columnWidth);
  const layout = useMemo(() => {
    const heights = (i: number) => {
      const o = p.orders[i] as ExpoOrder;
      const measured = heightOf(o.id);
      return measured === undefined ? expoCardHeights(o, o.tickets.some((t) => guestAllergies(t).length > 0), columnWidth) : { chrome: measured, items: [] };
    };
    return layoutRail(p.orders.length, heights, { columns, height, gap: cardGap, continued: 0, whole: true });
    // heightOf is new each render; it reads the measurements `version` stands for.
  }, [p.orders, columns, height, columnWidth, version]);
  useLayoutEffect(railCommitted, [p.orders]);
  return (
    <section className="expo" aria-label="Expo: orders at the pass" data-order-count={p.orders.length}>
      {p.orders.length === 0 && <div className="rail__empty">Nothing on the pass.</div>}
      <PagedColumns
        gridRef={ref}
        layout={layout}
        pageIndex={layout.pageOf(p.selectedIndex, p.pickedItem)}
        columns={columns}
        columnWidth={columnWidth}
        words={p.words}
        noun="order"
        count={p.orders.length}
        firedAt={(i) => (p.orders[i] as ExpoOrder).since}
        labelOf={(i) => ticketNumber((p.orders[i] as ExpoOrder).tickets[0] ?? (p.orders[i] as ExpoOrder))}
        pagerRef={p.pagerRef}
        card={({ ticketIndex }) => {
          const o = p.orders[ticketIndex] as ExpoOrder;
          return (
            <ExpoCard
              key={o.id}
              order={o}
              selected={o.id === p.selectedId}
              customer={p.customerName(o.orderId)}
              stationName={p.stationName}
              thresholdsOf={p.thresholdsOf}
              onSelect={p.onSelect}
              onFire={p.onFire}
              onHandOff={p.onHandOff}
              onRush={p.onRush}
            />
          );
        }}
      />
    </section>
  );
}
