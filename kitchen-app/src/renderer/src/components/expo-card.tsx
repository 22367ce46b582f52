import { memo } from 'react';
import { handOffLabel, type ExpoOrder } from '../model/expo.ts';
import { firedAt, guestAllergies, tableLabel, type Thresholds } from '../model/ticket-facts.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import { ChannelBadge } from './channel-badge.tsx';
import { TicketHead } from './ticket-head.tsx';

const statusWord: Record<string, string> = { held: 'held', queued: 'waiting', in_progress: 'cooking', ready: 'ready' };
const itemMark: Record<string, string> = { pending: '○', in_progress: '▶', done: '✓' };
const itemWord: Record<string, string> = { pending: 'to do', in_progress: 'cooking', done: 'done' };
const single = { part: 1, parts: 1 };

export interface ExpoCardProps {
  readonly order: ExpoOrder;
  readonly selected: boolean;
  readonly customer: string | undefined;
  readonly stationName: (id: string) => string;
  readonly thresholdsOf: (stationId: string) => Thresholds;
  readonly onSelect: (id: string) => void;
  readonly onFire: (orderId: string, course: number) => void;
  readonly onHandOff: (order: ExpoOrder) => void;
  readonly onRush: (orderId: string, rush: boolean) => void;
}

function ExpoCardView({ order, selected, customer, stationName, thresholdsOf, onSelect, onFire, onHandOff, onRush }: ExpoCardProps) {
  const first = order.tickets[0];
  const allergies = [...new Set(order.tickets.flatMap((t) => guestAllergies(t)))];
  // The same clocks as the stations' rails: each fired ticket by its own station's thresholds.
  const clocks = order.tickets.filter((t) => t.status !== 'held').map((t) => ({ firedAt: firedAt(t), thresholds: thresholdsOf(t.stationId) }));
  return (
    <article
      className={`expo-card ${order.allIn ? 'expo-card--all-in' : ''} ${selected ? 'ticket--selected' : ''}`}
      data-order-id={order.orderId}
      data-selected={selected}
      data-rush={order.rush}
      aria-current={selected ? 'true' : undefined}
      aria-label={`Order ${ticketNumber(order.tickets[0] ?? order)}`}
      onClick={() => onSelect(order.id)}
    >
      <TicketHead
        number={ticketNumber(order.tickets[0] ?? order)}
        table={first ? tableLabel(first) : ''}
        firedAt={order.since}
        clocks={clocks}
        part={single}
        rush={order.rush}
        action={
          <button type="button" className="btn btn--handoff" disabled={!order.canHandOff} onClick={() => onHandOff(order)}>
            {handOffLabel[order.channel]}
          </button>
        }
      />
      <div className="ticket__meta">
        <ChannelBadge channel={order.channel} />
        {customer && <span className="ticket__customer">{customer}</span>}
        <button type="button" className="btn btn--rush" aria-pressed={order.rush} onClick={() => onRush(order.orderId, !order.rush)}>
          {order.rush ? 'Un-rush' : 'Rush'}
        </button>
      </div>
      {allergies.length > 0 && <p className="expo-card__allergy">⚠ GUEST ALLERGY: {allergies.join(' · ')}</p>}
      <ul className="expo-card__stations">
        {order.progress.map((p) => (
          <li key={p.ticketId} className={`progress progress--${p.status}`} data-station-id={p.stationId} data-status={p.status}>
            <div className="progress__line">
              <span className="progress__station">
                {stationName(p.stationId)}
                {p.course > 1 ? ` · course ${p.course}` : ''}
              </span>
              <span className="progress__count">
                {p.done}/{p.total}
              </span>
              <span className="progress__status">{statusWord[p.status] ?? p.status}</span>
            </div>
            <ul className="progress__items">
              {p.items.map((i) => (
                <li key={i.id} className={`expo-item expo-item--${i.status}`} data-item-status={i.status}>
                  <span className="expo-item__name">
                    {i.quantity}× {i.name}
                  </span>
                  <span className="expo-item__status" aria-hidden="true">
                    {itemMark[i.status]}
                  </span>
                  <span className="sr-only">{itemWord[i.status]}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {order.heldCourses.map((course) => (
        <button key={course} type="button" className="btn btn--fire" onClick={() => onFire(order.orderId, course)} data-course={course}>
          Fire course {course}
        </button>
      ))}
      {order.allIn && <p className="expo-card__all-in">ALL IN — ready to serve</p>}
    </article>
  );
}

/** One order at the pass. */
export const ExpoCard = memo(ExpoCardView);
