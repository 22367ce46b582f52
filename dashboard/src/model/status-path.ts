import { orderMachine, type Channel, type Order, type OrderEvent, type OrderStatus } from '@kitchensync/shared';

/** The events that do not move an order forward. */
const offPath: readonly OrderEvent[] = ['cancel', 'reopen'];

/**
 * The happy path an order of this channel takes, read off the order machine's table by event: from
 * `draft`, the one forward event each status accepts (confirm, start, finish, hand off, deliver).
 */
export function statusPath(channel: Channel): OrderStatus[] {
  const path: OrderStatus[] = ['draft'];
  for (;;) {
    const from = path[path.length - 1] as OrderStatus;
    const forward = orderMachine.events(from, { channel }).find((e) => !offPath.includes(e));
    if (!forward) return path;
    path.push(orderMachine.next(forward, from, { channel }));
  }
}

export type StepState = 'done' | 'current' | 'upcoming' | 'cancelled';

export interface StatusStep {
  readonly status: OrderStatus;
  readonly state: StepState;
  readonly at: number | undefined;
}

/**
 * The steps to show for an order: the channel's path with the time each was reached. A cancelled
 * order shows the steps it reached, then the cancellation.
 */
export function statusSteps(order: Pick<Order, 'status' | 'channel' | 'statusTimes'>): StatusStep[] {
  const path = statusPath(order.channel);
  const times = order.statusTimes;
  if (order.status === 'cancelled') {
    const reached = path.filter((s) => times[s] !== undefined);
    return [
      ...reached.map((status): StatusStep => ({ status, state: 'done', at: times[status] })),
      { status: 'cancelled', state: 'cancelled', at: times.cancelled },
    ];
  }
  const current = path.indexOf(order.status);
  return path.map((status, i): StatusStep => ({
    status,
    state: i < current ? 'done' : i === current ? (order.status === path[path.length - 1] ? 'done' : 'current') : 'upcoming',
    // A recalled order keeps the time it was first ready: only show times of steps reached now.
    at: i <= current ? times[status] : undefined,
  }));
}
