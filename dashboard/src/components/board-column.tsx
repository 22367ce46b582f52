import type { Order, OrderStatus } from '@kitchensync/shared';
import type { BoardColumn as Column } from '../model/board.ts';
import { OrderCard } from './order-card.tsx';

export interface BoardColumnProps {
  readonly column: Column;
  readonly now: number;
  /** The one column a phone shows. */
  readonly active: boolean;
  readonly onMove: (order: Order, to: OrderStatus) => void;
  readonly onCancel: (order: Order, reason: string) => void;
}

export function BoardColumn({ column, now, active, onMove, onCancel }: BoardColumnProps) {
  const { spec, orders, hidden } = column;
  return (
    <section className={`board-column board-column--${spec.id}${active ? ' is-active' : ''}`} data-column={spec.id} aria-label={spec.title}>
      <header className="board-column__head">
        <h2>{spec.title}</h2>
        <span className="board-column__count">{orders.length + hidden}</span>
      </header>
      <div className="board-column__cards">
        {orders.length === 0 && <p className="board-column__empty">{spec.finished ? 'Nothing finished today' : 'No orders'}</p>}
        {orders.map((o) => (
          <OrderCard key={o.id} order={o} now={now} finished={spec.finished} onMove={onMove} onCancel={onCancel} />
        ))}
        {hidden > 0 && <p className="board-column__more muted">and {hidden} earlier today</p>}
      </div>
    </section>
  );
}
