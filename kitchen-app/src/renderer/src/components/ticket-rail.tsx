import type { ItemStatus, KitchenOrder } from '@kitchensync/shared';
import { useLayoutEffect } from 'react';
import { isNew, type Arrivals } from '../model/arrivals.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { TicketCard } from './ticket-card.tsx';

export interface TicketRailProps {
  readonly rail: readonly KitchenOrder[];
  readonly selectedId: string | undefined;
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
  useLayoutEffect(railCommitted, [p.rail]);
  useLayoutEffect(() => {
    if (p.selectedId) document.querySelector(`[data-ticket-id="${CSS.escape(p.selectedId)}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [p.selectedId]);
  if (p.rail.length === 0) return <div className="rail rail--empty">No open tickets. Nice.</div>;
  const now = Date.now();
  return (
    <section className="rail" aria-label="Ticket rail">
      {p.rail.map((t) => (
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
    </section>
  );
}
