import type { KitchenOrder } from '@kitchensync/shared';

export interface AllDayCount {
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
  /** 86'd: what is on tickets can still be made, nothing more is coming. */
  readonly soldOut: boolean;
}

/** Outstanding quantity per product over the given tickets: what the line still has to make. */
export function allDayCounts(tickets: readonly KitchenOrder[], soldOut: ReadonlySet<string>): AllDayCount[] {
  const counts = new Map<string, { name: string; quantity: number }>();
  for (const t of tickets) {
    for (const i of t.items) {
      if (i.status === 'done') continue;
      const c = counts.get(i.productId);
      counts.set(i.productId, { name: c?.name ?? i.name, quantity: (c?.quantity ?? 0) + i.quantity });
    }
  }
  return [...counts]
    .map(([productId, c]) => ({ productId, ...c, soldOut: soldOut.has(productId) }))
    .sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}
