// Runs: CI runs the pure contract properties 300 times each and the client/server replay 30
// times (FC_RUNS unset). FC_RUNS=n sets the pure ones to n and the replay to max(10, n/10).
import fc from 'fast-check';
import {
  buildContract,
  channels,
  contractId,
  withQueueEta,
  type Order,
  type OrderLine,
  type Product,
  type ProductionContract,
} from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { intentsArb } from './support/kitchen-model.ts';
import { replay } from './support/replay.ts';
import { fcRuns } from './support/runs.ts';

const numRuns = fcRuns(300);
const stationTypes = ['grill', 'fry', 'cold'] as const;
const word = fc.constantFrom('Sear', 'Chop', 'Toss', 'Plate', 'Fold', 'Glaze');

const productArb = (id: string): fc.Arbitrary<Product> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(`Dish ${id}`),
    priceCents: fc.integer({ min: 0, max: 5_000 }),
    category: fc.constant('Mains'),
    stationType: fc.constantFrom(...stationTypes),
    prepSeconds: fc.integer({ min: 1, max: 3_600 }),
    allergens: fc.uniqueArray(fc.constantFrom('gluten', 'dairy', 'nuts', 'egg'), { maxLength: 3 }),
    ingredients: fc.array(fc.record({ name: word, quantity: fc.integer({ min: 1, max: 500 }), unit: fc.constantFrom('g', 'pc') }), { maxLength: 3 }),
    recipeSteps: fc.array(word, { maxLength: 4 }),
    recipeVersion: fc.integer({ min: 1, max: 9 }),
    active: fc.constant(true),
  });

/** A confirmed order over a menu of four products, as createOrder would have stored it. */
const inputArb = fc
  .tuple(productArb('p0'), productArb('p1'), productArb('p2'), productArb('p3'))
  .chain((products) =>
    fc.record({
      products: fc.constant(new Map(products.map((p) => [p.id, p]))),
      lines: fc.array(
        fc.record({
          product: fc.constantFrom(...products),
          quantity: fc.integer({ min: 1, max: 5 }),
          modifiers: fc.array(fc.constantFrom('no onion', 'extra cheese', 'gluten free'), { maxLength: 2 }),
          notes: fc.option(fc.constantFrom('well done', 'allergy: sesame'), { nil: undefined }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      channel: fc.constantFrom(...channels),
      version: fc.integer({ min: 1, max: 5 }),
      at: fc.integer({ min: 0, max: 2e12 }),
    }),
  )
  .map(({ products, lines, channel, version, at }) => {
    const orderLines: OrderLine[] = lines.map(({ product, quantity, modifiers, notes }, i) => ({
      id: `l${i + 1}`,
      productId: product.id,
      name: product.name,
      stationType: product.stationType,
      unitPriceCents: product.priceCents,
      quantity,
      modifiers,
      ...(notes === undefined ? {} : { notes }),
      lineTotalCents: product.priceCents * quantity,
    }));
    const order: Order = {
      id: 'o1',
      channel,
      customer: { name: 'Ada' },
      lines: orderLines,
      itemCount: orderLines.reduce((n, l) => n + l.quantity, 0),
      totalCents: orderLines.reduce((sum, l) => sum + l.lineTotalCents, 0),
      status: 'confirmed',
      statusTimes: { draft: at, confirmed: at },
      createdAt: at,
      updatedAt: at,
      trackingToken: '',
    };
    return { order, products, version, at };
  });

const clone = <T>(value: T): T => structuredClone(value);

describe('production contract generation', () => {
  it('is deterministic: the same order, menu, version and time give the same contract and id', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const first = buildContract(clone(input));
        const second = buildContract(clone(input));
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
        expect(first.id).toBe(contractId(input.order.id, input.version));
      }),
      { numRuns },
    );
  });

  it("puts every order line in exactly one group, the one of its product's station type, groups sorted by type", () => {
    fc.assert(
      fc.property(inputArb, ({ order, products, version, at }) => {
        const contract = buildContract({ order, products, version, at });
        const placed = contract.groups.flatMap((g) => g.items.map((i) => [i.id, g.stationType]));
        expect(placed.sort()).toEqual(order.lines.map((l) => [l.id, products.get(l.productId)?.stationType]).sort());
        const types = contract.groups.map((g) => g.stationType);
        expect(types).toEqual([...new Set(types)].sort());
      }),
      { numRuns },
    );
  });

  it('takes as long as its slowest group plus that group’s queue, and never less than without queues', () => {
    const queues = fc.record({ grill: fc.nat({ max: 3_600 }), fry: fc.nat({ max: 3_600 }), cold: fc.nat({ max: 3_600 }) });
    fc.assert(
      fc.property(inputArb, queues, (input, queue) => {
        const contract: ProductionContract = buildContract(input);
        const slowest = (q: (type: string) => number) => Math.max(...contract.groups.map((g) => g.prepSeconds + q(g.stationType)));
        const withQueues = withQueueEta(contract, new Map(Object.entries(queue)));
        expect(contract.etaSeconds).toBe(slowest(() => 0));
        expect(withQueues.etaSeconds).toBe(slowest((t) => queue[t as keyof typeof queue]));
        expect(withQueues.etaAt).toBe(contract.createdAt + withQueues.etaSeconds * 1000);
        for (const g of contract.groups) expect(g.prepSeconds).toBe(Math.max(...g.items.map((i) => i.prepSeconds)));
      }),
      { numRuns },
    );
  });

  /**
   * An order's number and service day are the server's to give when the client has no terminal
   * code (the client shows it as pending), and the day's counters live in the server's
   * `serviceDay/` row: all else
   * must be the same to the byte.
   */
  const withoutNumbers = (value: readonly unknown[]): string =>
    JSON.stringify(
      value.filter((v) => !(Array.isArray(v) && typeof v[0] === 'string' && v[0].startsWith('serviceDay/'))),
      (key, v: unknown) => (key === 'number' || key === 'serviceDay' ? undefined : v),
    );

  it('client and server running the same calls write byte-identical contracts, tickets and everything else', async () => {
    await fc.assert(
      fc.asyncProperty(intentsArb, async (intents) => {
        const clientEvents: unknown[] = [];
        const serverEvents: unknown[] = [];
        const record = (into: unknown[]) => (step: Parameters<Parameters<typeof replay>[1]>[0]) => into.push(step.outcome);
        const client = await replay(intents, record(clientEvents), 'client');
        const server = await replay(intents, record(serverEvents), 'server');
        expect(withoutNumbers(server.entries())).toEqual(withoutNumbers(client.entries()));
        expect(withoutNumbers(serverEvents)).toEqual(withoutNumbers(clientEvents));
      }),
      { numRuns: Math.max(10, Math.round(numRuns / 10)) },
    );
  });
});
