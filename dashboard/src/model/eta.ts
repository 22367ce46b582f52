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
  /** Past the ETA by at least a minute; `started` says whether the kitchen has begun. */
  | { readonly kind: 'late'; readonly minutes: number; readonly at: number; readonly started: boolean }
  | { readonly kind: 'ready' }
  | { readonly kind: 'out' }
  | { readonly kind: 'done' }
  | { readonly kind: 'cancelled' };

/**
 * What to tell someone waiting: minutes until the kitchen's ETA while cooking, how late it is once
 * the ETA has passed by a minute (never "any minute now" for an order that is simply late),
 * otherwise the phase.
 */
export function etaFor(order: Pick<Order, 'status' | 'etaAt'>, now: number): Eta {
  const phase = phaseOf[order.status];
  if (phase !== 'cooking') return { kind: phase };
  if (order.etaAt === undefined) return { kind: 'waiting' };
  const left = order.etaAt - now;
  if (left <= -60_000) return { kind: 'late', minutes: Math.floor(-left / 60_000), at: order.etaAt, started: order.status === 'in_preparation' };
  if (left < 60_000) return { kind: 'any-minute' };
  return { kind: 'minutes', minutes: Math.ceil(left / 60_000), at: order.etaAt };
}

/** Whole minutes an order still cooking is past its ETA (0 when it is not late): the board sorts by it. */
export function minutesLate(order: Pick<Order, 'status' | 'etaAt'>, now: number): number {
  const eta = etaFor(order, now);
  return eta.kind === 'late' ? eta.minutes : 0;
}
