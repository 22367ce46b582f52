import type { CardHeights } from './rail-layout.ts';
import type { ExpoOrder } from './expo.ts';

/** Lines a run of inline items takes: each item's text and its mark, 10 px apart, wrapped at the width. */
function itemLines(items: readonly { quantity: number; name: string }[], width: number): number {
  let lines = 1;
  let used = 0;
  for (const i of items) {
    const w = Math.min(width, (`${i.quantity}× ${i.name}`.length + 2) * 9 + 10);
    if (used > 0 && used + w > width) {
      lines++;
      used = 0;
    }
    used += w;
  }
  return lines;
}

/**
 * Heights of an expo card for the board's layout (styles.css sizes, rounded up: expo cards are
 * not measured, so the guess errs tall and a column never runs off the screen). A row is a
 * station's block: its line and its items side by side, wrapped as the column's width makes it.
 */
export function expoCardHeights(o: ExpoOrder, hasAllergy: boolean, width: number): CardHeights {
  const rows = o.progress.map((p) => 24 + 20 * itemLines(p.items, width - 24));
  if (o.allIn) rows.push(30);
  for (let i = 0; i < o.heldCourses.length; i++) rows.push(38);
  return { chrome: 12 + 36 + 26 + (hasAllergy ? 32 : 0), items: rows };
}
