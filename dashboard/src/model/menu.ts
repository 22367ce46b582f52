import type { Product } from '@kitchensync/shared';

export interface MenuCategory {
  readonly name: string;
  readonly products: readonly Product[];
}

/** Products by category, categories and products in alphabetical order. */
export function menuByCategory(products: Iterable<Product>, options: { activeOnly?: boolean } = {}): MenuCategory[] {
  const byCategory = new Map<string, Product[]>();
  for (const p of products) {
    if (options.activeOnly && !p.active) continue;
    byCategory.set(p.category, [...(byCategory.get(p.category) ?? []), p]);
  }
  return [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, list]) => ({ name, products: list.sort((a, b) => a.name.localeCompare(b.name)) }));
}

/** Station types the kitchen has (for pickers), plus any a product already uses. */
export function knownStationTypes(stationTypes: Iterable<string>, products: Iterable<Product>): string[] {
  return [...new Set([...stationTypes, ...[...products].map((p) => p.stationType)])].sort();
}
