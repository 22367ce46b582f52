import { describe, expect, it } from 'vitest';
import { allDayCounts } from './all-day.ts';
import { item, ticket } from './fixtures.ts';

describe('all-day counts', () => {
  it('add up outstanding quantities per product across tickets', () => {
    const counts = allDayCounts([
      ticket({ id: 'a', items: [item({ id: '1', quantity: 2 }), item({ id: '2', productId: 'fries', name: 'Fries', quantity: 1 })] }),
      ticket({ id: 'b', items: [item({ id: '1', quantity: 3 })] }),
    ]);
    expect(counts).toEqual([
      { productId: 'burger', name: 'Burger', quantity: 5 },
      { productId: 'fries', name: 'Fries', quantity: 1 },
    ]);
  });

  it('finished items no longer count; started ones still do', () => {
    const counts = allDayCounts([
      ticket({ id: 'a', items: [item({ id: '1', quantity: 2, status: 'done' }), item({ id: '2', quantity: 1, status: 'in_progress' })] }),
    ]);
    expect(counts).toEqual([{ productId: 'burger', name: 'Burger', quantity: 1 }]);
  });

  it('nothing open means nothing to count', () => expect(allDayCounts([])).toEqual([]));
});
