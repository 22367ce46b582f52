import type { Channel, OrderStatus } from '../schema.ts';
import { defineMachine, type TransitionRow } from './machine.ts';

export interface OrderContext {
  readonly channel: Channel;
}

type OrderGuard = 'deliveredByCourier' | 'handedOverOnSite';

/** Dine-in and takeaway are served or picked up; delivery and online go out with a courier. */
const courierChannels: readonly Channel[] = ['delivery', 'online'];

const rows: readonly TransitionRow<OrderStatus, OrderGuard>[] = [
  { from: 'draft', to: 'confirmed' },
  { from: 'draft', to: 'cancelled' },
  { from: 'confirmed', to: 'in_preparation' },
  { from: 'confirmed', to: 'cancelled' },
  { from: 'in_preparation', to: 'ready' },
  // Once food is being cooked, cancelling wastes it: the kitchen must be told why.
  { from: 'in_preparation', to: 'cancelled', requiresReason: true },
  { from: 'ready', to: 'delivering', guard: 'deliveredByCourier' },
  { from: 'ready', to: 'delivered', guard: 'handedOverOnSite' },
  { from: 'ready', to: 'cancelled', requiresReason: true },
  // A recalled ticket sends the order back to the kitchen.
  { from: 'ready', to: 'in_preparation' },
  { from: 'delivering', to: 'delivered' },
  { from: 'delivering', to: 'cancelled', requiresReason: true },
];

export const orderMachine = defineMachine<OrderStatus, OrderGuard, OrderContext>('order', rows, {
  deliveredByCourier: (ctx) => courierChannels.includes(ctx.channel),
  handedOverOnSite: (ctx) => !courierChannels.includes(ctx.channel),
});
