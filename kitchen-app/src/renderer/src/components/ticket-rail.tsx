import type { ItemStatus, KitchenOrder } from '@kitchensync/shared';
import { useLayoutEffect } from 'react';
import { useElementSize } from '../hooks/use-element-size.ts';
import { isNew, type Arrivals } from '../model/arrivals.ts';
import { railGrid, railPage } from '../model/rail-page.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { TicketCard } from './ticket-card.tsx';

export interface TicketRailProps {
  readonly rail: readonly KitchenOrder[];
  readonly selectedId: string | undefined;
  readonly selectedIndex: number;
  readonly pickedItem: number | undefined;
  readonly acked: ReadonlySet<string>;
  readonly arrivals: Arrivals;
  readonly showStation: boolean;
  readonly customerName: (orderId: string) => string | undefined;
  readonly stationName: (id: string) => string;
  readonly onSelect: (id: string) => void;
  readonly onAcknowledge: (id: string) => void;
  readonly onItem: (ticket: KitchenOrder, itemId: string, status: ItemStatus) => void;
  readonly onBump: (ticket: KitchenOrder) => void;
}

export function TicketRail(p: TicketRailProps) {
  const [ref, size] = useElementSize<HTMLElement>();
  const fit = railGrid(size.width, size.height);
  // Few tickets: fewer rows, so each card gets the height it needs.
  const grid = { columns: fit.columns, rows: Math.max(1, Math.min(fit.rows, Math.ceil(p.rail.length / fit.columns))) };
  const page = railPage(p.rail.length, p.selectedIndex, grid.columns * grid.rows);
  useLayoutEffect(railCommitted, [p.rail]);
  const now = Date.now();
  return (
    <section ref={ref} className="rail" aria-label="Ticket rail">
      {p.rail.length === 0 && <div className="rail__empty">No open tickets. Nice.</div>}
      <div className="rail__grid" style={{ gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${grid.rows}, minmax(0, 1fr))` }}>
        {p.rail.slice(page.start, page.end).map((t) => (
          <TicketCard
            key={t.id}
            ticket={t}
            selected={t.id === p.selectedId}
            pickedItem={t.id === p.selectedId ? p.pickedItem : undefined}
            acknowledged={p.acked.has(t.id)}
            isNew={isNew(p.arrivals, t.id, now)}
            customer={p.customerName(t.orderId)}
            station={p.showStation ? p.stationName(t.stationId) : undefined}
            onSelect={p.onSelect}
            onAcknowledge={p.onAcknowledge}
            onItem={p.onItem}
            onBump={p.onBump}
          />
        ))}
      </div>
      {page.pages > 1 && (
        <div className="rail__pager" data-page={page.page + 1}>
          Tickets {page.start + 1}–{page.end} of {p.rail.length} · page {page.page + 1}/{page.pages} · <kbd>j</kbd>/<kbd>→</kbd> next
        </div>
      )}
    </section>
  );
}
