import type { KitchenItem, KitchenOrder } from '@kitchensync/shared';
import { closure, guestAllergies, isHeld } from './ticket-facts.ts';

/**
 * A first guess at a card's heights (styles.css sizes), before the browser has measured it. The
 * rail measures every card it shows and lays out again before the frame is painted, so a guess
 * only has to be close: too tall would keep cards off a page they fit on, too short costs one
 * more layout pass.
 */
const lines = (text: string, pxPerChar: number, width: number) => Math.max(1, Math.ceil((text.length * pxPerChar) / Math.max(60, width)));

export function estimateItem(item: KitchenItem, width: number): number {
  let h = 4 + 4 + 6 + Math.max(44, lines(`${item.quantity}× ${item.name}`, 13, width - 150) * 27);
  for (const m of item.modifiers) h += lines(m, 11, width - 60) * 23;
  if (item.notes) h += lines(item.notes, 10, width - 60) * 22;
  if (item.allergens.length > 0 || item.startOffsetSeconds) h += 18;
  if (item.guestAllergy) h += lines(item.guestAllergy, 11, width - 60) * 24;
  return h;
}

export function estimateChrome(t: KitchenOrder, width: number): number {
  let h = 12 + 6 + 38 + 4 + 24 + 4 + 44;
  const allergies = guestAllergies(t);
  if (allergies.length > 0) h += 4 + 16 + 48 + 14 + lines(allergies.join(', '), 14, width - 40) * 27;
  if (closure(t)) h += 4 + 130;
  if (isHeld(t)) h += 4 + 22 - 44;
  return h;
}
