import type { Order, OrderStatus } from '@kitchensync/shared';

type Phase = 'waiting' | 'cooking' | 'ready' | 'out' | 'done' | 'cancelled';

const phaseOf: Record<OrderStatus, Phase> = {
  draft: 'waiting',
  confirmed: 'cooking',
  in_preparation: 'cooking',
  ready: 'ready',
  delivering: 'out',
  delivered: 'done',
  cancelled: 'cancelled',
};

export type Eta =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'minutes'; readonly minutes: number; readonly at: number }
  | { readonly kind: 'any-minute' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'out' }
  | { readonly kind: 'done' }
  | { readonly kind: 'cancelled' };

/** What to tell someone waiting: minutes until the kitchen's ETA while cooking, otherwise the phase. */
export function etaFor(order: Pick<Order, 'status' | 'etaAt'>, now: number): Eta {
  const phase = phaseOf[order.status];
  if (phase !== 'cooking') return { kind: phase };
  if (order.etaAt === undefined) return { kind: 'waiting' };
  const left = order.etaAt - now;
  if (left < 60_000) return { kind: 'any-minute' };
  return { kind: 'minutes', minutes: Math.ceil(left / 60_000), at: order.etaAt };
}
