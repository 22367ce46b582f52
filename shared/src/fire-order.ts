import type { OrderStatus } from './schema.ts';

/**
 * Orders a rush can still help: the kitchen has not handed them over yet. A rush on an order
 * already served or cancelled would mean nothing, so it is refused.
 */
export const rushableStatuses: readonly OrderStatus[] = ['draft', 'confirmed', 'in_preparation', 'ready'];

/** What the kitchen's sort looks at, for a ticket or for an expo order. */
export interface FireOrderKey {
  readonly id: string;
  readonly rush: boolean;
  /** When it went to the line (epoch ms). */
  readonly firedAt: number;
}

/**
 * The kitchen's one order of work (rail, expo, paging): orders flagged RUSH first, then the one
 * fired longest ago, then by id so every screen agrees on ties.
 */
export function fireOrder(a: FireOrderKey, b: FireOrderKey): number {
  return Number(b.rush) - Number(a.rush) || a.firedAt - b.firedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
