import fc from 'fast-check';
import {
  channels,
  itemStatuses,
  orderStatuses,
  type Channel,
  type ItemStatus,
  type OrderStatus,
  type UpsertProductArgs,
  type UpsertStationArgs,
} from '@kitchensync/shared';
import { demoProducts, demoStations, MemoryTx, seedKitchen } from '@kitchensync/shared/testing';

/**
 * The demo menu plus cake, whose one `pastry` station may be switched off (then confirming cake is
 * refused), and caviar, priced so that three tins pass the cents ceiling (then the order is refused).
 */
export const menu: readonly UpsertProductArgs[] = [
  ...demoProducts,
  { id: 'cake', name: 'Cake', priceCents: 600, stationType: 'pastry', prepSeconds: 120, recipeSteps: ['Slice', 'Plate'] },
  { id: 'caviar', name: 'Caviar', priceCents: 40_000_000, stationType: 'cold', prepSeconds: 60, recipeSteps: ['Open tin'] },
];
export const kitchen: readonly UpsertStationArgs[] = [
  ...demoStations,
  { id: 'fry-2', name: 'Fryer 2', type: 'fry', capacity: 1 },
  { id: 'pastry-1', name: 'Pastry', type: 'pastry', capacity: 1 },
];
export const orderIds = ['o1', 'o2', 'o3', 'o4', 'o5'] as const;
export const recipes: readonly (readonly string[])[] = [[], ['Prep', 'Plate'], ['Prep', 'Cook', 'Plate']];
export const rejectionKeys = ['rejection/c1/1', 'rejection/c1/2', 'product/burger'] as const;

/**
 * Orders, tickets and items are picked by index over what the store holds when the call is made:
 * below `anyStatus` among live ones (not cancelled, delivered or completed), from there among all
 * of them, and `missing` stands for one that does not exist.
 */
export const anyStatus = 16;
export const missing = 20;

/** What a user asks for, by index into the model; `intent-calls.ts` turns it into mutator args. */
export type Intent =
  | { kind: 'createOrder'; order: number; channel: Channel; lines: { product: number; quantity: number; course: number }[]; phone: string | null }
  | { kind: 'confirmOrder'; order: number }
  | { kind: 'setOrderStatus'; order: number; status: OrderStatus | 'next' }
  | { kind: 'cancelOrder'; order: number; reason: string | null }
  | { kind: 'reissueContract'; order: number }
  | { kind: 'setKitchenItemStatus'; ticket: number; item: number; status: ItemStatus }
  | { kind: 'bumpKitchenOrder'; ticket: number }
  | { kind: 'recallKitchenOrder'; ticket: number }
  | { kind: 'upsertProduct'; product: number; recipe: number; active: boolean }
  | { kind: 'upsertStation'; station: number; capacity: number; active: boolean }
  | { kind: 'dismissRejection'; key: number }
  | { kind: 'fireCourse'; order: number; course: number }
  | { kind: 'setProductSoldOut'; product: number; soldOut: boolean }
  | { kind: 'handOffOrder'; order: number }
  | { kind: 'setOrderRush'; order: number; rush: boolean };

const index = fc.nat({ max: missing });
const product = fc.nat({ max: menu.length - 1 });
/** Mostly course 1; later courses are held until fired. */
const course = fc.constantFrom(1, 1, 1, 2, 2, 3);
/** Quantity 0 is invalid: now and then a createOrder is refused with invalid_args. */
const line = fc.record({ product, quantity: fc.constantFrom(1, 1, 1, 1, 1, 2, 2, 3, 0), course });
const validLine = fc.record({ product, quantity: fc.integer({ min: 1, max: 3 }), course });

/** Kitchen work is weighted up so that sequences get well past confirmation. */
export const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('createOrder'),
      order: fc.nat({ max: orderIds.length - 1 }),
      channel: fc.constantFrom(...channels),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
      phone: fc.constantFrom(null, '+44 1234', '555-0100', '+1 +2'),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('confirmOrder'), order: index }) },
  // 'next' asks for the table's forward move, so orders do get delivered.
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('setOrderStatus'), order: index, status: fc.oneof(fc.constant('next' as const), fc.constantFrom(...orderStatuses)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelOrder'), order: index, reason: fc.constantFrom(null, 'guest left', ' ') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reissueContract'), order: index }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('setKitchenItemStatus'), ticket: index, item: index, status: fc.constantFrom(...itemStatuses) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('bumpKitchenOrder'), ticket: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('recallKitchenOrder'), ticket: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('upsertProduct'), product, recipe: fc.nat({ max: recipes.length - 1 }), active: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('upsertStation'), station: fc.nat({ max: kitchen.length - 1 }), capacity: fc.integer({ min: 1, max: 3 }), active: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dismissRejection'), key: fc.nat({ max: rejectionKeys.length - 1 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fireCourse'), order: index, course: fc.constantFrom(1, 2, 2, 3) }) },
  // Mostly back on sale, so 86'd products do not starve the rest of the run.
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setProductSoldOut'), product, soldOut: fc.constantFrom(true, false, false) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('handOffOrder'), order: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('setOrderRush'), order: index, rush: fc.boolean() }) },
);

/** Three orders placed up front, so that kitchen work has tickets to act on from the first call. */
const preludeArb = fc
  .array(fc.record({ channel: fc.constantFrom(...channels), lines: fc.array(validLine, { minLength: 1, maxLength: 3 }) }), {
    minLength: 3,
    maxLength: 3,
  })
  .map((orders) =>
    orders.flatMap(({ channel, lines }, i): Intent[] => [
      { kind: 'createOrder', order: i, channel, lines, phone: null },
      { kind: 'confirmOrder', order: i },
    ]),
  );

/** Long enough for orders to be cooked, recalled, re-issued and delivered in one run. */
export const intentsArb = fc
  .tuple(preludeArb, fc.array(intentArb, { minLength: 10, maxLength: 50 }))
  .map(([prelude, rest]) => [...prelude, ...rest]);

/** A fresh store with the model's menu and kitchen, and one rejection waiting to be dismissed. */
export async function modelStore(location: 'client' | 'server' = 'client'): Promise<MemoryTx> {
  const tx = new MemoryTx(location);
  await seedKitchen(tx, menu, kitchen);
  const key = rejectionKeys[0];
  await tx.set(key, { id: key, clientID: 'c1', mutationID: 1, mutationName: 'bumpKitchenOrder', code: 'illegal_transition', message: 'ticket is ready', at: 1 });
  return tx;
}
