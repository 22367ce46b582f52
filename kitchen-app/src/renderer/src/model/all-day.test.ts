import { describe, expect, it } from 'vitest';
import { allDayCounts } from './all-day.ts';
import { item, ticket } from './fixtures.ts';
import { soldOutFor } from './sold-out.ts';

const none = new Set<string>();

describe('all-day counts', () => {
  it('add up outstanding quantities per product across tickets, marking what is 86', () => {
    const counts = allDayCounts(
      [
        ticket({ id: 'a', items: [item({ id: '1', quantity: 2 }), item({ id: '2', productId: 'fries', name: 'Fries', quantity: 1 })] }),
        ticket({ id: 'b', items: [item({ id: '1', quantity: 3 })] }),
      ],
      new Set(['fries']),
    );
    expect(counts).toEqual([
      { productId: 'burger', name: 'Burger', quantity: 5, soldOut: false, splits: [] },
      { productId: 'fries', name: 'Fries', quantity: 1, soldOut: true, splits: [] },
    ]);
  });

  it('finished items no longer count; started ones still do', () => {
    const counts = allDayCounts([ticket({ id: 'a', items: [item({ id: '1', quantity: 2, status: 'done' }), item({ id: '2', quantity: 1, status: 'in_progress' })] })], none);
    expect(counts).toEqual([{ productId: 'burger', name: 'Burger', quantity: 1, soldOut: false, splits: [] }]);
  });

  it('nothing open means nothing to count', () => expect(allDayCounts([], none)).toEqual([]));

  it('split by the option chosen in the first group: 3 ribeyes are 2 medium rare and 1 well done; older free-text lines only add to the total', () => {
    const temp = (name: string) => [{ groupId: 'temp', group: 'Temperature', optionId: name, name, priceDeltaCents: 0 }];
    const ribeye = (id: string, quantity: number, options?: ReturnType<typeof temp>) => item({ id, productId: 'ribeye', name: 'Ribeye', quantity, ...(options ? { options } : {}) });
    const counts = allDayCounts(
      [
        ticket({ id: 'a', items: [ribeye('1', 2, temp('Medium rare'))] }),
        ticket({ id: 'b', items: [ribeye('1', 1, temp('Well done')), ribeye('2', 1, temp('Rare')), item({ id: '3', quantity: 1 })] }),
        ticket({ id: 'c', items: [ribeye('1', 1, [...temp('Rare'), { groupId: 'addons', group: 'Add-ons', optionId: 'bacon', name: 'Bacon', priceDeltaCents: 200 }]), ribeye('2', 1)] }),
      ],
      none,
    );
    expect(counts[0]).toEqual({ productId: 'ribeye', name: 'Ribeye', quantity: 6, soldOut: false, splits: [{ name: 'Medium rare', quantity: 2, soldOut: false }, { name: 'Rare', quantity: 2, soldOut: false }, { name: 'Well done', quantity: 1, soldOut: false }] });
    expect(counts[1]?.splits).toEqual([]);
  });

  it("an 86'd option is marked in its product's split; the other options and the product stay on", () => {
    const temp = (name: string) => [{ groupId: 'temp', group: 'Temperature', optionId: name.toLowerCase(), name, priceDeltaCents: 0 }];
    const ribeye = (id: string, quantity: number, name: string) => item({ id, productId: 'ribeye', name: 'Ribeye', quantity, options: temp(name) });
    const counts = allDayCounts([ticket({ id: 'a', items: [ribeye('1', 2, 'Medium'), ribeye('2', 1, 'Rare')] })], new Set(['ribeye/temp/rare']));
    expect(counts).toEqual([{ productId: 'ribeye', name: 'Ribeye', quantity: 3, soldOut: false, splits: [{ name: 'Medium', quantity: 2, soldOut: false }, { name: 'Rare', quantity: 1, soldOut: true }] }]);
  });
});

describe('the 86 strip', () => {
  const products = [
    { id: 'ribeye', name: 'Ribeye', stationType: 'grill', soldOut: true },
    { id: 'fries', name: 'Fries', stationType: 'fry', soldOut: true },
    { id: 'burger', name: 'Burger', stationType: 'grill', soldOut: false },
  ];
  it('a station sees what is out on its own line; expo sees all of it', () => {
    expect(soldOutFor(products, new Set(['grill'])).map((p) => p.id)).toEqual(['ribeye']);
    expect(soldOutFor(products, undefined).map((p) => p.id)).toEqual(['ribeye', 'fries']);
  });

  it("an 86'd option of a product still on is named with its product; a product out says it all", () => {
    const rare = [{ id: 'temp/rare', name: 'Rare' }];
    const withOptions = [{ ...products[2]!, outOptions: rare }, { ...products[0]!, outOptions: rare }];
    expect(soldOutFor(withOptions, new Set(['grill']))).toEqual([
      { id: 'ribeye', name: 'Ribeye' },
      { id: 'burger/temp/rare', name: 'Burger: Rare' },
    ]);
  });
});
