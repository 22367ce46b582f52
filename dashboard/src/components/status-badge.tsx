import type { OrderStatus } from '@kitchensync/shared';
import { statusLabel } from '../model/labels.ts';

export function StatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`status-badge status-badge--${status}`} data-status={status}>
      {statusLabel[status]}
    </span>
  );
}
