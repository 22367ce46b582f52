import { memo } from 'react';
import { handOffLabel, type ExpoOrder } from '../model/expo.ts';
import { guestAllergies, tableLabel } from '../model/ticket-facts.ts';
import { ticketNumber } from '../model/ticket-label.ts';
import { ChannelBadge } from './channel-badge.tsx';
import { TicketHead } from './ticket-head.tsx';

const statusWord: Record<string, string> = { held: 'held', queued: 'waiting', in_progress: 'cooking', ready: 'ready' };
const single = { part: 1, parts: 1 };
const expoThresholds = { warnMinutes: 10, lateMinutes: 20 };

export interface ExpoCardProps {
  readonly order: ExpoOrder;
  readonly selected: boolean;
  readonly customer: string | undefined;
  readonly stationName: (id: string) => string;
  readonly onSelect: (id: string) => void;
  readonly onFire: (orderId: string, course: number) => void;
  readonly onHandOff: (order: ExpoOrder) => void;
}

function ExpoCardView({ order, selected, customer, stationName, onSelect, onFire, onHandOff }: ExpoCardProps) {
  const first = order.tickets[0];
  const allergies = [...new Set(order.tickets.flatMap((t) => guestAllergies(t)))];
  return (
    <article
      className={`expo-card ${order.allIn ? 'expo-card--all-in' : ''} ${selected ? 'ticket--selected' : ''}`}
      data-order-id={order.orderId}
      data-selected={selected}
      aria-current={selected ? 'true' : undefined}
      aria-label={`Order ${ticketNumber(order.orderId)}`}
      onClick={() => onSelect(order.id)}
    >
      <TicketHead number={ticketNumber(order.orderId)} table={first ? tableLabel(first) : ''} firedAt={order.since} thresholds={expoThresholds} part={single} />
      <div className="ticket__meta">
        <ChannelBadge channel={order.channel} />
        {customer && <span className="ticket__customer">{customer}</span>}
      </div>
      {allergies.length > 0 && <p className="expo-card__allergy">⚠ GUEST ALLERGY: {allergies.join(' · ')}</p>}
      <ul className="expo-card__stations">
        {order.progress.map((p) => (
          <li key={p.ticketId} className={`progress progress--${p.status}`} data-station-id={p.stationId} data-status={p.status}>
            <span className="progress__station">
              {stationName(p.stationId)}
              {p.course > 1 ? ` · course ${p.course}` : ''}
            </span>
            <span className="progress__count">
              {p.done}/{p.total}
            </span>
            <span className="progress__status">{statusWord[p.status] ?? p.status}</span>
          </li>
        ))}
      </ul>
      {order.heldCourses.map((course) => (
        <button key={course} type="button" className="btn btn--fire" onClick={() => onFire(order.orderId, course)} data-course={course}>
          Fire course {course}
        </button>
      ))}
      {order.allIn && <p className="expo-card__all-in">ALL IN — ready to serve</p>}
      <button type="button" className="btn btn--handoff" disabled={!order.canHandOff} onClick={() => onHandOff(order)}>
        {handOffLabel[order.channel]}
      </button>
    </article>
  );
}

/** One order at the pass. */
export const ExpoCard = memo(ExpoCardView);
