import { beforeEach, describe, expect, it } from 'vitest';
import { productKey, rejectionKey, stationKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import type { Product, Station, UpsertProductArgs } from '../schema.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { placeOrder, refusal, seedKitchen } from '../testing/scenario.ts';
import { readOrFail } from '../tx.ts';

let tx: MemoryTx;
beforeEach(() => {
  tx = new MemoryTx();
});

const product = (id: string) => readOrFail<Product>(tx, productKey(id), id);
const station = (id: string) => readOrFail<Station>(tx, stationKey(id), id);
const tea: UpsertProductArgs = { id: 'tea', name: 'Tea', priceCents: 300, stationType: 'bar', prepSeconds: 60 };

describe('upsertProduct', () => {
  it('a new product gets defaults, recipe version 1 and is on the menu', async () => {
    const events = await mutators.upsertProduct(tx, tea);
    expect(await product('tea')).toEqual({
      ...tea,
      category: 'Other',
      allergens: [],
      ingredients: [],
      recipeSteps: [],
      active: true,
      recipeVersion: 1,
    });
    expect(events).toEqual([{ type: 'product.upserted', productId: 'tea', recipeVersion: 1 }]);
  });

  it('editing the price keeps the recipe version and the fields not sent', async () => {
    await mutators.upsertProduct(tx, { ...tea, recipeSteps: ['Steep'], allergens: ['none'] });
    await mutators.upsertProduct(tx, { ...tea, priceCents: 350 });
    expect(await product('tea')).toMatchObject({ priceCents: 350, recipeSteps: ['Steep'], allergens: ['none'], recipeVersion: 1 });
  });

  it('editing the recipe steps or ingredients bumps the recipe version', async () => {
    await mutators.upsertProduct(tx, { ...tea, recipeSteps: ['Steep'] });
    await mutators.upsertProduct(tx, { ...tea, recipeSteps: ['Steep', 'Add milk'] });
    expect((await product('tea')).recipeVersion).toBe(2);
    const events = await mutators.upsertProduct(tx, { ...tea, ingredients: [{ name: 'leaves', quantity: 3, unit: 'g' }] });
    expect(events).toEqual([{ type: 'product.upserted', productId: 'tea', recipeVersion: 3 }]);
  });

  it('a product can be taken off the menu and put back', async () => {
    await mutators.upsertProduct(tx, { ...tea, active: false });
    expect((await product('tea')).active).toBe(false);
    await mutators.upsertProduct(tx, { ...tea, active: true });
    expect((await product('tea')).active).toBe(true);
  });

  it('a product with a negative price or a badly named station type is invalid_args', async () => {
    for (const bad of [{ ...tea, priceCents: -1 }, { ...tea, stationType: 'Bar Top' }]) {
      expect(await refusal(tx, () => mutators.upsertProduct(tx, bad))).toEqual({ code: 'invalid_args', changed: false });
    }
  });
});

describe('upsertStation', () => {
  const grill = { id: 'grill-1', name: 'Grill 1', type: 'grill', capacity: 4 };

  it('a new station is active and idle', async () => {
    await mutators.upsertStation(tx, grill);
    expect(await station('grill-1')).toEqual({ ...grill, active: true, openTickets: 0 });
  });

  it('editing a station keeps its open tickets, which only the kitchen mutators change', async () => {
    await seedKitchen(tx);
    await placeOrder(tx, 'o1', ['burger']);
    const sneaky = { ...grill, capacity: 6, openTickets: 0 };
    await mutators.upsertStation(tx, sneaky);
    expect(await station('grill-1')).toMatchObject({ capacity: 6, openTickets: 1 });
  });

  it('deactivating a station keeps its tickets there but sends new work elsewhere', async () => {
    await seedKitchen(tx);
    await placeOrder(tx, 'o1', ['burger']);
    const events = await mutators.upsertStation(tx, { ...grill, active: false });
    expect(events).toEqual([{ type: 'station.upserted', stationId: 'grill-1', active: false }]);
    await placeOrder(tx, 'o2', ['burger']);
    expect(tx.keys('kitchenOrder/')).toEqual(['kitchenOrder/o1.v1.grill-1', 'kitchenOrder/o2.v1.grill-2']);
    expect((await station('grill-1')).openTickets).toBe(1);
  });

  it('aging thresholds are kept, and a warning at or past the late mark is refused, changing nothing', async () => {
    await mutators.upsertStation(tx, { ...grill, warnMinutes: 4, lateMinutes: 8 });
    expect(await station('grill-1')).toMatchObject({ warnMinutes: 4, lateMinutes: 8 });
    expect(await refusal(tx, () => mutators.upsertStation(tx, { ...grill, warnMinutes: 8 }))).toEqual({ code: 'invalid_args', changed: false });
    expect(await refusal(tx, () => mutators.upsertStation(tx, { ...grill, lateMinutes: 241 }))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('a single threshold is checked against the default of the other (5 and 10 minutes)', async () => {
    await mutators.upsertStation(tx, { ...grill, warnMinutes: 9 });
    expect(await refusal(tx, () => mutators.upsertStation(tx, { ...grill, id: 'grill-9', lateMinutes: 5 }))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('a station needs a positive capacity', async () => {
    expect(await refusal(tx, () => mutators.upsertStation(tx, { ...grill, capacity: 0 }))).toEqual({ code: 'invalid_args', changed: false });
  });
});

describe('setProductSoldOut', () => {
  beforeEach(() => seedKitchen(tx));

  it("86'ing a product marks it sold out and back, and says so in the audit trail", async () => {
    expect(await mutators.setProductSoldOut(tx, { productId: 'fries', soldOut: true, at: 1 })).toEqual([
      { type: 'product.sold_out_changed', productId: 'fries', soldOut: true },
    ]);
    expect((await product('fries')).soldOut).toBe(true);
    await mutators.setProductSoldOut(tx, { productId: 'fries', soldOut: false, at: 2 });
    expect((await product('fries')).soldOut).toBe(false);
  });

  it('editing the product keeps it sold out: only setProductSoldOut changes that', async () => {
    await mutators.setProductSoldOut(tx, { productId: 'fries', soldOut: true, at: 1 });
    await mutators.upsertProduct(tx, { id: 'fries', name: 'Fries', priceCents: 500, stationType: 'fry', prepSeconds: 240 });
    expect(await product('fries')).toMatchObject({ priceCents: 500, soldOut: true });
  });

  it('an unknown product is not_found and a missing flag invalid_args', async () => {
    expect(await refusal(tx, () => mutators.setProductSoldOut(tx, { productId: 'nope', soldOut: true, at: 1 }))).toEqual({ code: 'not_found', changed: false });
    const args = { productId: 'fries', at: 1 } as unknown as Parameters<typeof mutators.setProductSoldOut>[1];
    expect(await refusal(tx, () => mutators.setProductSoldOut(tx, args))).toEqual({ code: 'invalid_args', changed: false });
  });
});

describe('dismissRejection', () => {
  it('dismissing a rejection removes it', async () => {
    const key = rejectionKey('client-1', 7);
    await tx.set(key, { id: key, clientID: 'client-1', mutationID: 7, mutationName: 'bumpKitchenOrder', code: 'illegal_transition', message: 'no', at: 1 });
    expect(await mutators.dismissRejection(tx, { key })).toEqual([{ type: 'rejection.dismissed', key }]);
    expect(tx.keys()).toEqual([]);
  });

  it('dismissing a rejection that is not there is not_found', async () => {
    expect(await refusal(tx, () => mutators.dismissRejection(tx, { key: 'rejection/c/1' }))).toEqual({ code: 'not_found', changed: false });
  });

  it('only rejection keys can be dismissed', async () => {
    await seedKitchen(tx);
    expect(await refusal(tx, () => mutators.dismissRejection(tx, { key: 'product/tea' }))).toEqual({ code: 'invalid_args', changed: false });
  });
});
