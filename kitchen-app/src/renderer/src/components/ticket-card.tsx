import type { ItemStatus, KitchenOrder } from '@kitchensync/shared';
import { memo, useLayoutEffect, useRef } from 'react';
import { bumpAllowed, itemActions, targetItem, ticketLock } from '../model/ticket-actions.ts';
import { firedAt, guestAllergies, isHeld, itemStartsAt, tableLabel, ticketCourse, type Thresholds } from '../model/ticket-facts.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import { voidOf } from '../model/void-cards.ts';
import { ChannelBadge } from './channel-badge.tsx';
import { GuestAllergyBanner } from './guest-allergy-banner.tsx';
import { TicketHead } from './ticket-head.tsx';
import { TicketItemRow } from './ticket-item-row.tsx';
import { VoidBanner } from './void-banner.tsx';

export interface TicketCardProps {
  readonly ticket: KitchenOrder;
  /** The items this card shows, [from, to), and which part of the ticket it is (1 of 1 when whole). */
  readonly from: number;
  readonly to: number;
  readonly part: number;
  readonly parts: number;
  readonly selected: boolean;
  readonly pickedItem: number | undefined;
  readonly acknowledged: boolean;
  readonly isNew: boolean;
  /** A change to this ticket is waiting for the server. */
  readonly unconfirmed: boolean;
  readonly customer: string | undefined;
  readonly station: string | undefined;
  readonly thresholds: Thresholds;
  readonly rush: boolean;
  readonly onSelect: (id: string) => void;
  readonly onPick: (id: string, item: number) => void;
  readonly onAcknowledge: (ticket: KitchenOrder) => void;
  readonly onItem: (ticket: KitchenOrder, itemId: string, status: ItemStatus) => void;
  readonly onBump: (ticket: KitchenOrder) => void;
  /** Told after each render of the card (a memoised card that did not render kept its height). */
  readonly onRendered: (card: HTMLElement) => void;
}

function TicketCardView(p: TicketCardProps) {
  const { ticket, onRendered } = p;
  const ref = useRef<HTMLElement>(null);
  // No deps: after every render of this card, which a memoised card only does when its props change.
  useLayoutEffect(() => {
    if (ref.current) onRendered(ref.current);
  });
  const segment = { from: p.from, to: p.to, part: p.part, parts: p.parts };
  const closed = voidOf(ticket);
  const held = isHeld(ticket);
  const lock = ticketLock(ticket, p.acknowledged);
  const first = segment.part === 1;
  const last = segment.part === segment.parts;
  const classes = [
    'ticket',
    `ticket--${ticket.status}`,
    p.selected && 'ticket--selected',
    p.isNew && 'ticket--new',
    lock && 'ticket--locked',
    closed && `ticket--void ticket--${closed.kind}`,
    held && 'ticket--held',
  ];
  const fired = firedAt(ticket);
  // The item the cook's s/d keys act on shows its button: the picked one, else the first workable.
  const target = !p.selected ? undefined : p.pickedItem !== undefined ? ticket.items[p.pickedItem] : targetItem(ticket, undefined, (a) => a.start || a.complete, lock);
  const controlsAt = target ? ticket.items.indexOf(target) : -1;
  const bumpButton = last && !closed && !held && (
    <button
      type="button"
      className={`btn btn--bump ${lock ? 'btn--refuses' : ''}`}
      disabled={!bumpAllowed(ticket)}
      onClick={(e) => {
        e.stopPropagation();
        p.onBump(ticket);
      }}
    >
      Bump <kbd>b</kbd>
    </button>
  );
  return (
    <article
      ref={ref}
      className={classes.filter(Boolean).join(' ')}
      data-ticket-id={ticket.id}
      data-part={segment.part}
      data-parts={segment.parts}
      data-status={ticket.status}
      data-selected={p.selected}
      aria-current={p.selected ? 'true' : undefined}
      aria-label={`Ticket ${ticketNumber(ticket)}${segment.parts > 1 ? `, part ${segment.part} of ${segment.parts}` : ''}`}
      onClick={() => p.onSelect(ticket.id)}
    >
      <TicketHead
        number={ticketNumber(ticket)}
        table={tableLabel(ticket)}
        firedAt={held || closed ? undefined : fired}
        clocks={[{ firedAt: fired, thresholds: p.thresholds }]}
        part={segment}
        rush={p.rush}
        action={bumpButton}
      />
      <div className="ticket__meta">
        <ChannelBadge channel={ticket.channel} />
        {p.customer && <span className="ticket__customer">{p.customer}</span>}
        {p.station && <span className="ticket__station">{p.station}</span>}
        {ticketCourse(ticket) > 1 && <span className="badge badge--course">Course {ticketCourse(ticket)}</span>}
        {p.isNew && <span className="badge badge--new">NEW</span>}
        {ticket.recalledAt && <span className="badge badge--recalled">RECALLED</span>}
        {p.unconfirmed && (
          <span className="badge badge--unconfirmed" title="A change to this ticket is not yet accepted by the server">
            ↻ not yet accepted
          </span>
        )}
      </div>
      {closed && <VoidBanner closedBy={closed} onAcknowledge={() => p.onAcknowledge(ticket)} />}
      {held && <p className="ticket__held">HELD — course {ticketCourse(ticket)} waits for expo to fire it</p>}
      {!closed && <GuestAllergyBanner allergies={guestAllergies(ticket)} acknowledged={p.acknowledged} onAcknowledge={() => p.onAcknowledge(ticket)} />}
      {!first && <p className="ticket__continued">◂ continued from {segment.part - 1}/{segment.parts}</p>}
      <ol className="ticket__items" start={segment.from + 1}>
        {ticket.items.slice(segment.from, segment.to).map((item, k) => {
          const i = segment.from + k;
          return (
            <TicketItemRow
              key={item.id}
              item={item}
              index={i}
              picked={p.pickedItem === i}
              controls={controlsAt === i}
              actions={itemActions(ticket, item, lock)}
              startsAt={itemStartsAt(ticket, item)}
              firedAt={fired}
              onPick={(index) => p.onPick(ticket.id, index)}
              onMove={(status) => p.onItem(ticket, item.id, status)}
            />
          );
        })}
      </ol>
      {!last && <p className="ticket__continued ticket__continued--next">continued on {segment.part + 1}/{segment.parts} ▸</p>}
    </article>
  );
}

/** One card of a kitchen order on the rail; re-renders only when its own props change. */
export const TicketCard = memo(TicketCardView);
