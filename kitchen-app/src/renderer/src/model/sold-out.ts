import type { Product } from '@kitchensync/shared';

type Label = Pick<Product, 'id' | 'name' | 'stationType'> & { readonly soldOut: boolean };

/** A station screen's products (its own station types); expo's are all of them (`types` undefined). */
export const productsFor = <P extends Label>(products: readonly P[], types: ReadonlySet<string> | undefined): P[] =>
  products.filter((p) => !types || types.has(p.stationType));

/** What is 86'd on this screen's line, for the strip above the rail and the all-day list. */
export const soldOutFor = <P extends Label>(products: readonly P[], types: ReadonlySet<string> | undefined): P[] =>
  productsFor(products, types).filter((p) => p.soldOut);
