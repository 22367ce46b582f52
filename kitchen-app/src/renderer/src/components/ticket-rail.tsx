import type { ItemStatus, KitchenOrder } from '@kitchensync/shared';
import { useLayoutEffect, useMemo } from 'react';
import { useCardHeights } from '../hooks/use-card-heights.ts';
import { useElementSize } from '../hooks/use-element-size.ts';
import { isNew, type Arrivals } from '../model/arrivals.ts';
import { layoutRail } from '../model/rail-layout.ts';
import type { Thresholds } from '../model/ticket-facts.ts';
import { railCommitted } from '../perf/bump-marks.ts';
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

/** Narrowest column a card is readable in, and the space between cards. */
const minColumnWidth = 300;
const gap = 10;
/** Height of a "continued" line on a card that is one part of a ticket. */
const continuedLine = 30;

export function TicketRail(p: TicketRailProps) {
  const [gridRef, size] = useElementSize<HTMLDivElement>();
  const columns = Math.max(1, Math.floor((size.width + gap) / (minColumnWidth + gap)));
  const columnWidth = Math.floor((size.width - gap * (columns - 1)) / columns);
  const { heightsOf, version } = useCardHeights(gridRef, columnWidth, p.rail);
  const layout = useMemo(
    () => layoutRail(p.rail.length, (i) => heightsOf(p.rail[i] as KitchenOrder), { columns, height: size.height, gap, continued: continuedLine }),
    // heightsOf is new each render; it reads the measurements `version` stands for.
    [p.rail, columns, size.height, version],
  );
  const pageIndex = layout.pageOf(p.selectedIndex, p.pickedItem);
  const page = layout.pages[pageIndex] ?? [];
  useLayoutEffect(railCommitted, [p.rail]);
  const now = Date.now();
  return (
    <section className="rail" aria-label="Ticket rail">
      {p.rail.length === 0 && <div className="rail__empty">No open tickets. Nice.</div>}
      <div ref={gridRef} className="rail__grid" data-columns={columns}>
        {Array.from({ length: columns }, (_, c) => (
          <div key={c} className="rail__column" style={{ width: columnWidth }}>
            {(page[c] ?? []).map((segment) => {
              const t = p.rail[segment.ticketIndex] as KitchenOrder;
              const selected = t.id === p.selectedId;
              return (
                <TicketCard
                  key={`${t.id}/${segment.part}`}
                  ticket={t}
                  segment={segment}
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
            })}
          </div>
        ))}
      </div>
      <div className="rail__pager" data-page={pageIndex + 1} data-pages={layout.pages.length}>
        {layout.pages.length > 1 ? (
          <>
            {p.rail.length} tickets · page {pageIndex + 1}/{layout.pages.length} · <kbd>j</kbd>/<kbd>→</kbd> next
          </>
        ) : (
          `${p.rail.length} tickets`
        )}
      </div>
    </section>
  );
}
