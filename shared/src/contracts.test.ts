import { describe, expect, it } from 'vitest';
import { basePriority, buildContract, complexityOf, effectivePriority, startOffsetSeconds, withQueueEta, type ContractInput } from './contracts.ts';
import { productSchema, type Order, type OrderLine, type Product, type UpsertProductArgs } from './schema.ts';
import { demoProducts } from './testing/fixtures.ts';

const product = (args: UpsertProductArgs, recipeVersion = 1): Product =>
  productSchema.parse({ category: 'Other', allergens: [], ingredients: [], recipeSteps: [], active: true, ...args, recipeVersion });

const menu = new Map(demoProducts.map((p) => [p.id, product(p)]));
const burger = menu.get('burger') as Product;

function line(id: string, p: Product, extra: Partial<OrderLine> = {}): OrderLine {
  return {
    id,
    productId: p.id,
    name: p.name,
    stationType: p.stationType,
    unitPriceCents: p.priceCents,
    quantity: 1,
    modifiers: [],
    lineTotalCents: p.priceCents,
    ...extra,
  };
}

function order(lines: OrderLine[], channel: Order['channel'] = 'dine_in'): Order {
  return {
    id: 'o1',
    channel,
    customer: { name: 'Ada' },
    lines,
    itemCount: lines.length,
    totalCents: lines.reduce((sum, l) => sum + l.lineTotalCents, 0),
    status: 'confirmed',
    statusTimes: { draft: 1_000, confirmed: 2_000 },
    createdAt: 1_000,
    updatedAt: 2_000,
    trackingToken: '',
  };
}

const of = (id: string) => menu.get(id) as Product;
const input = (o: Order, extra: Partial<ContractInput> = {}): ContractInput => ({ order: o, products: menu, version: 1, at: 5_000, ...extra });

describe('production contract', () => {
  it('groups production items by station type, in type order, keeping line order inside a group', () => {
    const contract = buildContract(input(order([line('l1', burger), line('l2', of('fries')), line('l3', burger)])));
    expect(contract.groups.map((g) => [g.stationType, g.items.map((i) => i.id)])).toEqual([
      ['fry', ['l2']],
      ['grill', ['l1', 'l3']],
    ]);
  });

  it('speaks kitchen language: steps, modifiers, notes, allergens and ingredients of each item', () => {
    const contract = buildContract(input(order([line('l1', burger, { quantity: 2, modifiers: ['no onion'], notes: 'well done' })])));
    expect(contract.groups[0]?.items[0]).toEqual({
      id: 'l1',
      productId: 'burger',
      name: 'Burger',
      quantity: 2,
      modifiers: ['no onion'],
      notes: 'well done',
      allergens: ['gluten', 'dairy'],
      steps: ['Grill patty', 'Toast bun', 'Assemble'],
      prepSeconds: 480,
      recipeVersion: 1,
      ingredients: burger.ingredients,
      course: 1,
    });
  });

  it('groups per course, then station type: course 1 first, each group knows its course', () => {
    const lines = [line('l1', burger, { course: 2 }), line('l2', of('salad')), line('l3', of('fries'), { course: 2 }), line('l4', burger)];
    const contract = buildContract(input(order(lines)));
    expect(contract.groups.map((g) => [g.course, g.stationType, g.items.map((i) => i.id)])).toEqual([
      [1, 'cold', ['l2']],
      [1, 'grill', ['l4']],
      [2, 'fry', ['l3']],
      [2, 'grill', ['l1']],
    ]);
    expect(contract.groups.flatMap((g) => g.items.map((i) => [i.id, i.course]))).toEqual([['l2', 1], ['l4', 1], ['l3', 2], ['l1', 2]]);
  });

  it('carries a line allergy on its item and the order allergy on the contract', () => {
    const lines = [line('l1', burger, { allergy: 'SEVERE coeliac – change gloves' }), line('l2', of('fries'))];
    const contract = buildContract(input({ ...order(lines), allergy: 'shellfish' }));
    expect(contract.guestAllergy).toBe('shellfish');
    expect(contract.groups.flatMap((g) => g.items.map((i) => i.guestAllergy))).toEqual([undefined, 'SEVERE coeliac – change gloves']);
  });

  it('an order without courses or allergies gets one course and no guest allergy', () => {
    const contract = buildContract(input(order([line('l1', burger), line('l2', of('fries'))])));
    expect(contract.groups.map((g) => g.course)).toEqual([1, 1]);
    expect(contract).not.toHaveProperty('guestAllergy');
  });

  it('fire by prep time: the longest item of a group starts at once, shorter ones wait the difference', () => {
    const slowSalad = { ...of('salad'), stationType: 'grill', prepSeconds: 100 };
    const contract = buildContract(input(order([line('l1', burger), line('l2', slowSalad)]), { products: new Map([...menu, ['salad', slowSalad]]) }));
    const group = contract.groups[0];
    expect(group?.prepSeconds).toBe(480);
    expect(group?.items.map((i) => startOffsetSeconds(group, i))).toEqual([0, 380]);
  });

  it("uses today's recipe and station, not the snapshot taken when the order was placed", () => {
    const edited = { ...burger, stationType: 'broiler', recipeSteps: ['Broil'], recipeVersion: 2 };
    const contract = buildContract(input(order([line('l1', burger)]), { products: new Map([['burger', edited]]) }));
    expect(contract.groups.map((g) => g.stationType)).toEqual(['broiler']);
    expect(contract.groups[0]?.items[0]).toMatchObject({ steps: ['Broil'], recipeVersion: 2 });
  });

  it('lists every allergen of the order once, sorted', () => {
    const contract = buildContract(input(order([line('l1', burger), line('l2', of('salad')), line('l3', burger)])));
    expect(contract.allergens).toEqual(['dairy', 'gluten', 'nuts']);
  });

  it('a group takes as long as its slowest item, and the contract as long as its slowest group', () => {
    const contract = buildContract(input(order([line('l1', of('fries')), line('l2', burger)])));
    expect(contract.groups.map((g) => g.prepSeconds)).toEqual([240, 480]);
    expect(contract.etaSeconds).toBe(480);
    expect(contract.etaAt).toBe(5_000 + 480_000);
  });

  it('refuses to build a contract for a product it was not given', () => {
    expect(() => buildContract(input(order([line('l1', burger)]), { products: new Map() }))).toThrow(/product burger/);
  });
});

describe('complexity and priority', () => {
  it('complexity counts each portion by its steps (at least one) plus each modifier', () => {
    const contract = buildContract(input(order([line('l1', burger, { quantity: 2, modifiers: ['no onion'] })])));
    expect(contract.complexity).toBe(2 * 3 + 1);
    expect(complexityOf([{ ...contract.groups[0]!.items[0]!, steps: [], modifiers: [], quantity: 4 }])).toBe(4);
  });

  it('a dine-in guest outranks takeaway, delivery and online at the same complexity', () => {
    for (const channel of ['takeaway', 'delivery', 'online'] as const) {
      expect(basePriority('dine_in', 0)).toBeGreaterThan(basePriority(channel, 0));
    }
  });

  it('complexity raises priority by a point per eight units, at most three points', () => {
    expect([0, 7, 8, 16, 24, 100].map((c) => basePriority('takeaway', c))).toEqual([2, 2, 3, 4, 5, 5]);
  });

  it('a waiting ticket gains a point every five minutes, and never loses any to clock skew', () => {
    expect(effectivePriority(3, 0, 4 * 60_000)).toBe(3);
    expect(effectivePriority(3, 0, 11 * 60_000)).toBe(5);
    expect(effectivePriority(3, 10_000, 0)).toBe(3);
  });

  it('the contract carries its base priority', () => {
    const contract = buildContract(input(order([line('l1', of('salad'))], 'online')));
    expect(contract.priority).toBe(basePriority('online', contract.complexity));
  });
});

describe('ETA with station queues', () => {
  const contract = buildContract(input(order([line('l1', of('fries')), line('l2', burger)])));

  it('adds the queue of each group’s station: the slowest station decides', () => {
    const eta = withQueueEta(contract, new Map([['fry', 600]]));
    expect(eta.etaSeconds).toBe(240 + 600);
    expect(eta.etaAt).toBe(contract.createdAt + 840_000);
  });

  it('empty queues leave the ETA at the slowest prep time', () => {
    expect(withQueueEta(contract, new Map()).etaSeconds).toBe(480);
  });
});

describe('contract ids', () => {
  it('the same input gives the same contract, and its id comes from the order id and version', () => {
    const lines = [line('l1', burger), line('l2', of('fries'))];
    const first = buildContract(input(order(lines)));
    expect(buildContract(input(order(lines)))).toEqual(first);
    expect(first.id).toBe('o1.v1');
    expect(buildContract(input(order(lines), { version: 2 })).id).toBe('o1.v2');
  });
});
