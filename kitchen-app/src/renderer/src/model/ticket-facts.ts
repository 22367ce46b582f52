import { stationThresholds, type ClosedBy, type KitchenItem, type KitchenOrder, type Station } from '@kitchensync/shared';

// Fields added by issue 9 are optional in stored data (older tickets lack them): the defaults live here.

export const ticketCourse = (t: Pick<KitchenOrder, 'course'>) => t.course ?? 1;
export const guestAllergies = (t: Pick<KitchenOrder, 'guestAllergies'>): readonly string[] => t.guestAllergies ?? [];
/** Aging counts from when the ticket was sent to the line. */
export const firedAt = (t: Pick<KitchenOrder, 'firedAt' | 'createdAt'>) => t.firedAt ?? t.createdAt;
export const isHeld = (t: Pick<KitchenOrder, 'status'>) => t.status === 'held';

/**
 * Who ended the ticket, when it was not a cook. A cancelled ticket without `closedBy` (written
 * before the field existed) was still cancelled by someone off the line: cooks cannot cancel.
 */
export function closure(t: Pick<KitchenOrder, 'closedBy' | 'status' | 'updatedAt'>): ClosedBy | undefined {
  if (t.closedBy) return t.closedBy;
  return t.status === 'cancelled' ? { kind: 'order_cancelled', at: t.updatedAt } : undefined;
}

export interface Thresholds {
  readonly warnMinutes: number;
  readonly lateMinutes: number;
}
export const defaultThresholds: Thresholds = stationThresholds({});
export const thresholdsOf = (s: Pick<Station, 'warnMinutes' | 'lateMinutes'> | undefined): Thresholds =>
  s ? stationThresholds(s) : defaultThresholds;

/** "Fire by prep time": when this item should go on so the ticket's items finish together. */
export const itemStartsAt = (t: Pick<KitchenOrder, 'firedAt' | 'createdAt'>, i: Pick<KitchenItem, 'startOffsetSeconds'>) =>
  i.startOffsetSeconds ? firedAt(t) + i.startOffsetSeconds * 1000 : undefined;

/** "T12 · 4 guests" for dine-in tickets; empty when the order has neither. */
export function tableLabel(t: Pick<KitchenOrder, 'table' | 'guests'>): string {
  const parts = [t.table && `T${t.table}`, t.guests && `${t.guests} ${t.guests === 1 ? 'guest' : 'guests'}`];
  return parts.filter(Boolean).join(' · ');
}
