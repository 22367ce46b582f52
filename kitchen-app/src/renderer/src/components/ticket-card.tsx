import type { ItemStatus, KitchenOrder } from '@kitchensync/shared';
import { memo } from 'react';
import { canBump, itemActions, ticketLock } from '../model/ticket-actions.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import { AllergenBanner } from './allergen-banner.tsx';
import { ChannelBadge } from './channel-badge.tsx';
import { TicketItemRow } from './ticket-item-row.tsx';
import { TicketTimer } from './ticket-timer.tsx';

export interface TicketCardProps {
  readonly ticket: KitchenOrder;
  readonly selected: boolean;
  readonly pickedItem: number | undefined;
  readonly acknowledged: boolean;
  readonly isNew: boolean;
  readonly customer: string | undefined;
  readonly station: string | undefined;
  readonly onSelect: (id: string) => void;
  readonly onAcknowledge: (id: string) => void;
  readonly onItem: (ticket: KitchenOrder, itemId: string, status: ItemStatus) => void;
  readonly onBump: (ticket: KitchenOrder) => void;
}

function TicketCardView(p: TicketCardProps) {
  const { ticket } = p;
  const lock = ticketLock(ticket, p.acknowledged);
  const classes = ['ticket', `ticket--${ticket.status}`, p.selected && 'ticket--selected', p.isNew && 'ticket--new', lock && 'ticket--locked'];
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      data-ticket-id={ticket.id}
      data-status={ticket.status}
      aria-selected={p.selected}
      onClick={() => p.onSelect(ticket.id)}
    >
      <header className="ticket__head">
        <span className="ticket__number">{ticketNumber(ticket.orderId)}</span>
        <TicketTimer createdAt={ticket.createdAt} etaAt={ticket.etaAt} />
      </header>
      <div className="ticket__meta">
        <ChannelBadge channel={ticket.channel} />
        {p.customer && <span className="ticket__customer">{p.customer}</span>}
        {p.station && <span className="ticket__station">{p.station}</span>}
        {p.isNew && <span className="badge badge--new">NEW</span>}
        {ticket.recalledAt && <span className="badge badge--recalled">RECALLED</span>}
      </div>
      <AllergenBanner allergens={ticket.allergens} acknowledged={p.acknowledged} onAcknowledge={() => p.onAcknowledge(ticket.id)} />
      <ol className="ticket__items">
        {ticket.items.map((item, i) => (
          <TicketItemRow
            key={item.id}
            item={item}
            index={i}
            picked={p.pickedItem === i}
            actions={itemActions(ticket, item, lock)}
            onMove={(status) => p.onItem(ticket, item.id, status)}
          />
        ))}
      </ol>
      <button type="button" className="btn btn--bump" disabled={!canBump(ticket, lock)} onClick={() => p.onBump(ticket)}>
        Bump <kbd>b</kbd>
      </button>
    </article>
  );
}

/** One kitchen order on the rail; re-renders only when its own props change. */
export const TicketCard = memo(TicketCardView);
