import { modifierLines, type KitchenItem, type KitchenOrder } from '@kitchensync/shared';
import { closure, guestAllergies, isHeld } from './ticket-facts.ts';

/**
 * A first guess at a card's heights (styles.css sizes), before the browser has measured it. The
 * rail measures every card it shows and lays out again before the frame is painted, so a guess
 * only has to be close: too tall would keep cards off a page they fit on, too short costs one
 * more layout pass.
 */
const lines = (text: string, pxPerChar: number, width: number) => Math.max(1, Math.ceil((text.length * pxPerChar) / Math.max(60, width)));

export function estimateItem(item: KitchenItem, width: number): number {
  let h = 3 + lines(`${item.quantity}× ${item.name}`, 10, width - 70) * 24;
  for (const m of modifierLines(item)) h += lines(m, 9, width - 40) * 20;
  if (item.notes) h += lines(item.notes, 9, width - 40) * 20;
  if (item.allergens.length > 0 || item.startOffsetSeconds) h += 17;
  if (item.guestAllergy) h += lines(item.guestAllergy, 9, width - 40) * 21;
  return h;
}

export function estimateChrome(t: KitchenOrder, width: number): number {
  let h = 4 + 4 + 34 + 22;
  const allergies = guestAllergies(t);
  if (allergies.length > 0) h += 4 + 16 + 44 + 12 + lines(allergies.join(', '), 13, width - 40) * 26;
  if (closure(t)) h += 4 + 130;
  if (isHeld(t)) h += 20;
  return h;
}
