import { DomainError } from '../errors.ts';
import { productKey, stationKey } from '../keys.ts';
import {
  dismissRejectionArgsSchema,
  setModifierOptionSoldOutArgsSchema,
  setProductSoldOutArgsSchema,
  stationThresholds,
  thresholdsInOrder,
  upsertProductArgsSchema,
  upsertStationArgsSchema,
  type Product,
  type Station,
} from '../schema.ts';
import { read, readOrFail, write } from '../tx.ts';
import { defineMutator, definedOnly } from './args.ts';

/** Compared by content: a stored product comes back from Postgres jsonb with its keys reordered. */
const recipeOf = (p: Pick<Product, 'recipeSteps' | 'ingredients'>) =>
  JSON.stringify([p.recipeSteps, p.ingredients.map((i) => [i.name, i.quantity, i.unit])]);
/** Whether two versions of a product cook the same (the editor asks this too, to word its warning). */
export const sameRecipe = (a: Pick<Product, 'recipeSteps' | 'ingredients'>, b: Pick<Product, 'recipeSteps' | 'ingredients'>) =>
  recipeOf(a) === recipeOf(b);

/** Creates or edits a product; a changed recipe (steps or ingredients) bumps its version. */
export const upsertProduct = defineMutator(upsertProductArgsSchema, async (tx, args) => {
  const existing = await read<Product>(tx, productKey(args.id));
  const merged = {
    category: 'Other',
    allergens: [],
    ingredients: [],
    recipeSteps: [],
    active: true,
    ...existing,
    ...definedOnly(args),
  };
  const recipeVersion = !existing ? 1 : existing.recipeVersion + (sameRecipe(existing, merged) ? 0 : 1);
  const product: Product = { ...merged, recipeVersion };
  await write(tx, productKey(product.id), product);
  return [{ type: 'product.upserted', productId: product.id, recipeVersion }];
}, (args) => [productKey(args.id)]);

/**
 * Creates or edits a station. Deactivating keeps the tickets already assigned: cooks finish them
 * there; only new tickets go elsewhere.
 */
export const upsertStation = defineMutator(upsertStationArgsSchema, async (tx, args) => {
  const existing = await read<Station>(tx, stationKey(args.id));
  const station: Station = { active: true, openTickets: 0, ...existing, ...definedOnly(args) };
  if (!thresholdsInOrder(station)) {
    throw new DomainError('invalid_args', 'warnMinutes must be below lateMinutes', stationThresholds(station));
  }
  await write(tx, stationKey(station.id), station);
  return [{ type: 'station.upserted', stationId: station.id, active: station.active }];
}, (args) => [stationKey(args.id)]);

/** "86": the kitchen marks a product out (and back in); new orders holding it are refused. */
export const setProductSoldOut = defineMutator(setProductSoldOutArgsSchema, async (tx, args) => {
  const product = await readOrFail<Product>(tx, productKey(args.productId), `product ${args.productId}`);
  await write(tx, productKey(product.id), { ...product, soldOut: args.soldOut });
  return [{ type: 'product.sold_out_changed', productId: product.id, soldOut: args.soldOut }];
}, (args) => [productKey(args.productId)]);

/** 86 one modifier option ("rare", "bacon"): new lines choosing it are refused; the product stays on. */
export const setModifierOptionSoldOut = defineMutator(setModifierOptionSoldOutArgsSchema, async (tx, args) => {
  const product = await readOrFail<Product>(tx, productKey(args.productId), `product ${args.productId}`);
  const group = product.modifierGroups?.find((g) => g.id === args.groupId);
  if (!group?.options.some((o) => o.id === args.optionId)) {
    throw new DomainError('not_found', `${product.name} has no option ${args.groupId}/${args.optionId}`, { productId: product.id, groupId: args.groupId, optionId: args.optionId });
  }
  const options = group.options.map((o) => (o.id === args.optionId ? { ...o, soldOut: args.soldOut } : o));
  const modifierGroups = (product.modifierGroups ?? []).map((g) => (g.id === group.id ? { ...g, options } : g));
  await write(tx, productKey(product.id), { ...product, modifierGroups });
  return [{ type: 'product.option_sold_out_changed', productId: product.id, groupId: group.id, optionId: args.optionId, soldOut: args.soldOut }];
}, (args) => [productKey(args.productId)]);

export const dismissRejection = defineMutator(dismissRejectionArgsSchema, async (tx, args) => {
  if (!(await tx.del(args.key))) throw new DomainError('not_found', `${args.key} not found`);
  return [{ type: 'rejection.dismissed', key: args.key }];
});
