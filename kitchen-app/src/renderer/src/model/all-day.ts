import type { KitchenItem, KitchenOrder } from '@kitchensync/shared';

/** How many of a product want one option of its first modifier group ("2 Medium rare"). */
export interface AllDaySplit {
  readonly name: string;
  readonly quantity: number;
  /** The option is 86'd: these can still be made, no more are coming. */
  readonly soldOut: boolean;
}

export interface AllDayCount {
  readonly productId: string;
  readonly name: string;
  readonly quantity: number;
  /** 86'd: what is on tickets can still be made, nothing more is coming. */
  readonly soldOut: boolean;
  /** By the option chosen in the line's first modifier group (a steak's temperature); empty when no line chose one. */
  readonly splits: readonly AllDaySplit[];
}

type Tally = { name: string; quantity: number; splits: Map<string, AllDaySplit> };

/** The option a cook plans the product by: the first group's, in menu order (its options are kept in that order). */
const splitOf = (item: KitchenItem) => item.options?.[0];

function tallySplits(splits: ReadonlyMap<string, AllDaySplit>): AllDaySplit[] {
  return [...splits.values()].sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}

/**
 * Outstanding quantity per product over the given tickets: what the line still has to make, split by chosen option.
 * `soldOut` holds 86'd product ids and 86'd options as `product/group/option` (the 86 strip's ids).
 */
export function allDayCounts(tickets: readonly KitchenOrder[], soldOut: ReadonlySet<string>): AllDayCount[] {
  const counts = new Map<string, Tally>();
  for (const t of tickets) {
    for (const i of t.items) {
      if (i.status === 'done') continue;
      const c = counts.get(i.productId) ?? { name: i.name, quantity: 0, splits: new Map<string, AllDaySplit>() };
      c.quantity += i.quantity;
      const split = splitOf(i);
      if (split !== undefined) {
        const out = soldOut.has(`${i.productId}/${split.groupId}/${split.optionId}`);
        c.splits.set(split.name, { name: split.name, quantity: (c.splits.get(split.name)?.quantity ?? 0) + i.quantity, soldOut: out });
      }
      counts.set(i.productId, c);
    }
  }
  return [...counts]
    .map(([productId, c]) => ({ productId, name: c.name, quantity: c.quantity, soldOut: soldOut.has(productId), splits: tallySplits(c.splits) }))
    .sort((a, b) => b.quantity - a.quantity || a.name.localeCompare(b.name));
}
