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
      { productId: 'burger', name: 'Burger', quantity: 5, soldOut: false },
      { productId: 'fries', name: 'Fries', quantity: 1, soldOut: true },
    ]);
  });

  it('finished items no longer count; started ones still do', () => {
    const counts = allDayCounts([ticket({ id: 'a', items: [item({ id: '1', quantity: 2, status: 'done' }), item({ id: '2', quantity: 1, status: 'in_progress' })] })], none);
    expect(counts).toEqual([{ productId: 'burger', name: 'Burger', quantity: 1, soldOut: false }]);
  });

  it('nothing open means nothing to count', () => expect(allDayCounts([], none)).toEqual([]));
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
});
