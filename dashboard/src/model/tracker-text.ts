import type { Channel, OrderStatus } from '@kitchensync/shared';
import { formatClock } from './format.ts';
import type { Eta } from './eta.ts';

const onSite: Partial<Record<OrderStatus, string>> = { ready: 'Ready', delivered: 'Served' };
const perChannel: Record<Channel, Partial<Record<OrderStatus, string>>> = {
  dine_in: onSite,
  takeaway: { ready: 'Ready for pick-up', delivered: 'Picked up' },
  delivery: { ready: 'Waiting for the courier', delivering: 'On its way', delivered: 'Delivered' },
  online: { ready: 'Waiting for the courier', delivering: 'On its way', delivered: 'Delivered' },
};

const common: Record<OrderStatus, string> = {
  draft: 'Order received',
  confirmed: 'Confirmed',
  in_preparation: 'Being prepared',
  ready: 'Ready',
  delivering: 'On its way',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};

/** A status in the customer's words, which depend on how the order reaches them. */
export const customerStatus = (status: OrderStatus, channel: Channel): string => perChannel[channel][status] ?? common[status];

const readyText: Record<Channel, string> = {
  dine_in: 'Your food is on its way to your table',
  takeaway: 'Your order is ready at the counter',
  delivery: 'A courier will pick it up shortly',
  online: 'A courier will pick it up shortly',
};

/** The line under the status: what to expect and when. */
export function etaText(eta: Eta, channel: Channel): string {
  switch (eta.kind) {
    case 'minutes':
      return `Ready in about ${eta.minutes} min · around ${formatClock(eta.at)}`;
    case 'any-minute':
      return 'Ready any minute now';
    case 'late':
      return eta.started
        ? `Running ${eta.minutes} min late (expected ${formatClock(eta.at)}) · your food is being prepared`
        : `Running ${eta.minutes} min late (expected ${formatClock(eta.at)}) · the kitchen has not started it yet`;
    case 'waiting':
      return 'The restaurant will confirm your order shortly';
    case 'ready':
      return readyText[channel];
    case 'out':
      return 'Your courier is on the way';
    case 'done':
      return 'Enjoy your meal!';
    case 'cancelled':
      return 'This order was cancelled.';
  }
}
