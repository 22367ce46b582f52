import type { ItemStatus, KitchenOrder } from '@kitchensync/shared';
import { useLayoutEffect, useMemo } from 'react';
import { useCardHeights } from '../hooks/use-card-heights.ts';
import { isNew, type Arrivals } from '../model/arrivals.ts';
import { layoutRail } from '../model/rail-layout.ts';
import type { Thresholds } from '../model/ticket-facts.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { cardGap, PagedColumns, useColumns } from './paged-columns.tsx';
import { TicketCard } from './ticket-card.tsx';

export interface TicketRailProps {
  /** Voids first, then the work, then held courses: the order cards are laid out in. */
  readonly rail: readonly KitchenOrder[];
  readonly selectedId: string | undefined;
  readonly selectedIndex: number;
  readonly pickedItem: number | undefined;
  readonly acked: ReadonlySet<string>;
  readonly arrivals: Arrivals;
  readonly unconfirmed: ReadonlySet<string>;
  readonly showStation: boolean;
  readonly customerName: (orderId: string) => string | undefined;
  readonly stationName: (id: string) => string;
  readonly thresholdsOf: (stationId: string) => Thresholds;
  readonly onSelect: (id: string) => void;
  readonly onAcknowledge: (ticket: KitchenOrder) => void;
  readonly onItem: (ticket: KitchenOrder, itemId: string, status: ItemStatus) => void;
  readonly onBump: (ticket: KitchenOrder) => void;
}

/** Height of a "continued" line on a card that is one part of a ticket. */
const continuedLine = 30;

export function TicketRail(p: TicketRailProps) {
  const { ref, height, columns, columnWidth } = useColumns();
  const { heightsOf, version } = useCardHeights(ref, columnWidth);
  const layout = useMemo(
    () => layoutRail(p.rail.length, (i) => heightsOf(p.rail[i] as KitchenOrder), { columns, height, gap: cardGap, continued: continuedLine }),
    // heightsOf is new each render; it reads the measurements `version` stands for.
    [p.rail, columns, height, version],
  );
  useLayoutEffect(railCommitted, [p.rail]);
  const now = Date.now();
  return (
    <section className="rail" aria-label="Ticket rail">
      {p.rail.length === 0 && <div className="rail__empty">No open tickets. Nice.</div>}
      <PagedColumns
        gridRef={ref}
        layout={layout}
        pageIndex={layout.pageOf(p.selectedIndex, p.pickedItem)}
        columns={columns}
        columnWidth={columnWidth}
        count={`${p.rail.length} tickets`}
        card={(segment) => {
          const t = p.rail[segment.ticketIndex] as KitchenOrder;
          const selected = t.id === p.selectedId;
          return (
            <TicketCard
              key={`${t.id}/${segment.part}`}
              ticket={t}
              from={segment.from}
              to={segment.to}
              part={segment.part}
              parts={segment.parts}
              selected={selected}
              pickedItem={selected ? p.pickedItem : undefined}
              acknowledged={p.acked.has(t.id)}
              isNew={isNew(p.arrivals, t.id, now)}
              unconfirmed={p.unconfirmed.has(t.id)}
              customer={p.customerName(t.orderId)}
              station={p.showStation ? p.stationName(t.stationId) : undefined}
              thresholds={p.thresholdsOf(t.stationId)}
              onSelect={p.onSelect}
              onAcknowledge={p.onAcknowledge}
              onItem={p.onItem}
              onBump={p.onBump}
            />
          );
        }}
      />
    </section>
  );
}
