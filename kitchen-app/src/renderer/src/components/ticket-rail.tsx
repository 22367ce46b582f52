import type { ItemStatus, KitchenOrder } from '@kitchensync/shared';
import { useLayoutEffect, useMemo, type RefObject } from 'react';
import { useCardHeights } from '../hooks/use-card-heights.ts';
import { isNew, type Arrivals } from '../model/arrivals.ts';
import { layoutRail } from '../model/rail-layout.ts';
import { closure, firedAt, isHeld, type Thresholds } from '../model/ticket-facts.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { cardGap, PagedColumns, useColumns, type Pager } from './paged-columns.tsx';
import { TicketCard } from './ticket-card.tsx';

export interface TicketRailProps {
  /** Voids first, then the work, then held courses: the order cards are laid out in. */
  readonly rail: readonly KitchenOrder[];
  /** The screen's count in words, the header's too. */
  readonly words: string;
  readonly selectedId: string | undefined;
  readonly selectedIndex: number;
  readonly pickedItem: number | undefined;
  readonly acked: ReadonlySet<string>;
  readonly arrivals: Arrivals;
  readonly unconfirmed: ReadonlySet<string>;
  readonly showStation: boolean;
  readonly pagerRef: RefObject<Pager | undefined>;
  readonly customerName: (orderId: string) => string | undefined;
  readonly stationName: (id: string) => string;
  readonly thresholdsOf: (stationId: string) => Thresholds;
  readonly isRush: (orderId: string) => boolean;
  readonly onSelect: (id: string) => void;
  readonly onPick: (id: string, item: number) => void;
  readonly onAcknowledge: (ticket: KitchenOrder) => void;
  readonly onItem: (ticket: KitchenOrder, itemId: string, status: ItemStatus) => void;
  readonly onBump: (ticket: KitchenOrder) => void;
}

/** Height of a "continued" marker on a card that is one part of a ticket (styles.css `.ticket__continued`). */
export const continuedLine = 22;

/** Open work ages; held courses and voids wait without a clock. */
const agingSince = (t: KitchenOrder) => (isHeld(t) || closure(t) ? undefined : firedAt(t));

export function TicketRail(p: TicketRailProps) {
  const { ref, height, columns, columnWidth } = useColumns();
  const { heightsOf, version, cardRendered } = useCardHeights(ref, columnWidth);
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
        words={p.words}
        noun="ticket"
        count={p.rail.length}
        firedAt={(i) => agingSince(p.rail[i] as KitchenOrder)}
        labelOf={(i) => ticketNumber(p.rail[i] as KitchenOrder)}
        pagerRef={p.pagerRef}
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
              rush={p.isRush(t.orderId)}
              onSelect={p.onSelect}
              onPick={p.onPick}
              onAcknowledge={p.onAcknowledge}
              onItem={p.onItem}
              onBump={p.onBump}
              onRendered={cardRendered}
            />
          );
        }}
      />
    </section>
  );
}
