import type { CardHeights } from './rail-layout.ts';
import type { ExpoOrder } from './expo.ts';

/**
 * Heights of an expo card for the board's layout (styles.css sizes, rounded up: expo cards are
 * uniform and not measured, so the guess errs tall and a column never runs off the screen).
 */
export function expoCardHeights(o: ExpoOrder, hasAllergy: boolean): CardHeights {
  const rows = o.progress.map(() => 40);
  if (o.allIn) rows.push(50);
  for (let i = 0; i < o.heldCourses.length; i++) rows.push(58);
  return { chrome: 12 + 6 + 40 + 6 + 28 + 6 + 58 + (hasAllergy ? 34 : 0), items: rows };
}
