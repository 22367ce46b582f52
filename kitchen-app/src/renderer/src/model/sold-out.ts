import type { Product } from '@kitchensync/shared';

type Label = Pick<Product, 'id' | 'name' | 'stationType'> & {
  readonly soldOut: boolean;
  /** Its options the kitchen has 86'd ("Rare"): the product is still on, those lines are not. */
  readonly outOptions?: readonly { readonly id: string; readonly name: string }[];
};

/** One thing 86'd on the line: a product ("Ribeye"), or one option of it ("Ribeye: Rare"). */
export interface SoldOutLabel {
  readonly id: string;
  readonly name: string;
}

/** A station screen's products (its own station types); expo's are all of them (`types` undefined). */
export const productsFor = <P extends Label>(products: readonly P[], types: ReadonlySet<string> | undefined): P[] =>
  products.filter((p) => !types || types.has(p.stationType));

/** What is 86'd on this screen's line, for the strip above the rail and the all-day list: products, then options of products still on. */
export function soldOutFor(products: readonly Label[], types: ReadonlySet<string> | undefined): SoldOutLabel[] {
  const mine = productsFor(products, types);
  const whole = mine.filter((p) => p.soldOut).map((p) => ({ id: p.id, name: p.name }));
  const options = mine.filter((p) => !p.soldOut).flatMap((p) => (p.outOptions ?? []).map((o) => ({ id: `${p.id}/${o.id}`, name: `${p.name}: ${o.name}` })));
  return [...whole, ...options];
}
