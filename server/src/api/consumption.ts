import type { Ingredient } from '@kitchensync/shared';

/** Sums ingredient lists by name and unit, in name order; `items` counts the lists that used each. */
export function ingredientTotals(lists: readonly (readonly Ingredient[])[]): (Ingredient & { items: number })[] {
  const totals = new Map<string, Ingredient & { items: number }>();
  for (const list of lists) {
    for (const i of list) {
      const key = JSON.stringify([i.name, i.unit]);
      const total = totals.get(key) ?? { name: i.name, unit: i.unit, quantity: 0, items: 0 };
      total.quantity = round(total.quantity + i.quantity);
      total.items += 1;
      totals.set(key, total);
    }
  }
  return [...totals.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.unit < b.unit ? -1 : 1));
}

/** Quantities are decimals (0.5 lemon); sums are kept to a millionth so float noise never shows. */
export const round = (n: number) => Math.round(n * 1e6) / 1e6;
