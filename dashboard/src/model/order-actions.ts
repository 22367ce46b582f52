import { orderMachine, orderStatuses, type Order, type OrderStatus } from '@kitchensync/shared';
import { moveLabel } from './labels.ts';

export interface OrderMove {
  readonly to: OrderStatus;
  readonly label: string;
}

export interface OrderActions {
  /** Moves along the lifecycle, straight from the order machine's table. */
  readonly forward: readonly OrderMove[];
  /** Moves back (a recalled order returns to the kitchen). */
  readonly back: readonly OrderMove[];
  readonly cancel: { readonly allowed: boolean; readonly needsReason: boolean };
}

const rank = (s: OrderStatus) => orderStatuses.indexOf(s);
const toMove = (to: OrderStatus): OrderMove => ({ to, label: moveLabel[to] });

/** What a manager may do to an order now; the buttons are enabled from this, never from status checks. */
export function orderActions(order: Pick<Order, 'status' | 'channel'>): OrderActions {
  const from = order.status;
  const moves = orderMachine.allowedTransitions(from, { channel: order.channel }).filter((to) => to !== 'cancelled');
  const cancelAllowed = orderMachine.allowedTransitions(from, { channel: order.channel }).includes('cancelled');
  return {
    forward: moves.filter((to) => rank(to) > rank(from)).map(toMove),
    back: moves.filter((to) => rank(to) < rank(from)).map(toMove),
    cancel: { allowed: cancelAllowed, needsReason: cancelAllowed && orderMachine.requiresReason(from, 'cancelled') },
  };
}

/** Whether the cancel button may fire with this reason (blank text is no reason). */
export function canCancel(order: Pick<Order, 'status' | 'channel'>, reason: string): boolean {
  return orderMachine.can(order.status, 'cancelled', { channel: order.channel, reason });
}
