import type { Order, OrderStatus } from '@kitchensync/shared';
import { orderActions } from '../model/order-actions.ts';
import { CancelControl } from './cancel-control.tsx';

export interface OrderActionBarProps {
  readonly order: Order;
  readonly onMove: (order: Order, to: OrderStatus) => void;
  readonly onCancel: (order: Order, reason: string) => void;
  /** Cards show the way forward; the detail page also offers the way back. */
  readonly withBack?: boolean;
  readonly compact?: boolean;
}

/** The buttons an order's status allows, straight from the order machine. */
export function OrderActionBar({ order, onMove, onCancel, withBack = false, compact = false }: OrderActionBarProps) {
  const actions = orderActions(order);
  const size = compact ? ' btn--small' : '';
  return (
    <div className="action-bar">
      {actions.forward.map((m) => (
        <button key={m.to} type="button" className={`btn btn--primary${size}`} data-move={m.to} onClick={() => onMove(order, m.to)}>
          {m.label}
        </button>
      ))}
      {withBack &&
        actions.back.map((m) => (
          <button key={m.to} type="button" className={`btn${size}`} data-move={m.to} onClick={() => onMove(order, m.to)}>
            Back to kitchen
          </button>
        ))}
      <CancelControl order={order} compact={compact} onCancel={(reason) => onCancel(order, reason)} />
    </div>
  );
}
