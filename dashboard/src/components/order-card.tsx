import { modifierLines, type Order, type OrderStatus } from '@kitchensync/shared';
import { memo } from 'react';
import { config } from '../config.ts';
import { etaFor } from '../model/eta.ts';
import { guestAllergies } from '../model/board.ts';
import { formatAge, formatClock, formatMoney, lineLabel, displayNumber, tableLabel } from '../model/format.ts';
import { Link } from '../routing/link.tsx';
import { ChannelBadge } from './channel-badge.tsx';
import { OrderActionBar } from './order-action-bar.tsx';

export interface OrderCardProps {
  readonly order: Order;
  readonly now: number;
  /** In the finished column: show when it finished rather than how long it has waited. */
  readonly finished?: boolean | undefined;
  readonly onMove: (order: Order, to: OrderStatus) => void;
  readonly onCancel: (order: Order, reason: string) => void;
}

const shownLines = 3;

function Timing({ order, now }: { order: Order; now: number }) {
  const eta = etaFor(order, now);
  if (eta.kind === 'minutes') return <span className="order-card__eta">ETA {formatClock(eta.at)} · {eta.minutes} min</span>;
  if (eta.kind === 'any-minute') return <span className="order-card__eta order-card__eta--due">Due now</span>;
  if (eta.kind === 'late')
    return (
      <span className="order-card__eta order-card__eta--late" data-late-minutes={eta.minutes}>
        {eta.minutes} min late{eta.started ? '' : ' · not started'}
      </span>
    );
  return null;
}

function OrderCardView({ order, now, finished, onMove, onCancel }: OrderCardProps) {
  const extra = order.lines.length - shownLines;
  const allergies = guestAllergies(order);
  const table = tableLabel(order);
  return (
    <article
      className={`order-card order-card--${order.status}${allergies.length > 0 ? ' order-card--allergy' : ''}`}
      data-order-id={order.id}
      data-status={order.status}
    >
      <Link to={{ name: 'order', id: order.id }} className="order-card__link">
        {allergies.length > 0 && (
          <p className="order-card__allergy" data-allergy>
            <span aria-hidden="true">⚠ </span>Allergy: {allergies.join(' · ')}
          </p>
        )}
        <header className="order-card__head">
          <span className="order-card__number">{displayNumber(order)}</span>
          <ChannelBadge channel={order.channel} />
          {finished ? (
            <span className="order-card__age" title={`Placed at ${formatClock(order.createdAt)}`}>
              {formatClock(order.updatedAt)}
            </span>
          ) : (
            <span className="order-card__age" title={`Placed at ${formatClock(order.createdAt)}`}>
              {formatAge(now - order.createdAt)}
            </span>
          )}
        </header>
        <div className="order-card__customer">
          {table && (
            <span className="order-card__table" data-table>
              {table}
            </span>
          )}
          {order.customer.name}
        </div>
        <ul className="order-card__lines">
          {order.lines.slice(0, shownLines).map((l) => (
            <li key={l.id}>
              {lineLabel(l)}
              {modifierLines(l).length > 0 && <span className="muted"> · {modifierLines(l).join(', ')}</span>}
            </li>
          ))}
          {extra > 0 && <li className="muted">+ {extra} more</li>}
        </ul>
        <footer className="order-card__foot">
          <span className="order-card__total">{formatMoney(order.totalCents, config.currency, config.locale)}</span>
          <Timing order={order} now={now} />
          {order.cancelReason && <span className="order-card__reason">“{order.cancelReason}”</span>}
        </footer>
      </Link>
      <OrderActionBar order={order} onMove={onMove} onCancel={onCancel} compact />
    </article>
  );
}

/** One order on the board; re-renders only when the order (or the minute) changes. */
export const OrderCard = memo(OrderCardView);
