import type { Channel, OrderStatus } from '../schema.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

export interface OrderContext {
  readonly channel: Channel;
}

export const orderEvents = ['confirm', 'start', 'finish', 'hand_off', 'deliver', 'cancel', 'reopen'] as const;
export type OrderEvent = (typeof orderEvents)[number];
type OrderGuard = 'deliveredByCourier' | 'handedOverOnSite';
/** What a move sets off: an order all in at the pass prints the expo chit. */
export type OrderAction = 'printExpoChit';

/** Dine-in and takeaway are served or picked up; delivery and online go out with a courier. */
const courierChannels: readonly Channel[] = ['delivery', 'online'];

const rows: readonly TransitionRow<OrderStatus, OrderEvent, OrderGuard, OrderAction>[] = [
  { event: 'confirm', from: 'draft', to: 'confirmed' },
  { event: 'cancel', from: 'draft', to: 'cancelled' },
  { event: 'start', from: 'confirmed', to: 'in_preparation' },
  { event: 'cancel', from: 'confirmed', to: 'cancelled' },
  { event: 'finish', from: 'in_preparation', to: 'ready', actions: ['printExpoChit'] },
  // Once food is being cooked, cancelling wastes it: the kitchen must be told why.
  { event: 'cancel', from: 'in_preparation', to: 'cancelled', requiresReason: true },
  // Expo hands the order over: to a courier, or served / picked up on site.
  { event: 'hand_off', from: 'ready', to: 'delivering', guard: 'deliveredByCourier' },
  { event: 'hand_off', from: 'ready', to: 'delivered', guard: 'handedOverOnSite' },
  { event: 'cancel', from: 'ready', to: 'cancelled', requiresReason: true },
  // A recalled ticket sends the order back to the kitchen.
  { event: 'reopen', from: 'ready', to: 'in_preparation' },
  { event: 'deliver', from: 'delivering', to: 'delivered' },
  { event: 'cancel', from: 'delivering', to: 'cancelled', requiresReason: true },
];

export const orderMachine = defineMachine<OrderStatus, OrderEvent, OrderGuard, OrderContext, OrderAction>('order', rows, {
  deliveredByCourier: (ctx) => courierChannels.includes(ctx.channel),
  handedOverOnSite: (ctx) => !courierChannels.includes(ctx.channel),
});

/**
 * Orders the kitchen has and has not handed off: what confirming leads to, and every status the
 * table moves on to from there short of the hand-off (final ones, cancelled and delivered, left out).
 */
export const orderStatusesWithKitchen: readonly OrderStatus[] = (() => {
  const found = new Set(orderMachine.targetsOf('confirm'));
  for (const from of found) {
    for (const r of rows) if (r.from === from && r.event !== 'hand_off' && !orderMachine.isFinal(r.to)) found.add(r.to);
  }
  return [...found];
})();
