import { describe, expect, it } from 'vitest';
import { boardColumns, groupBoard, matchesFilter, visibleColumns } from './board.ts';
import { anOrder } from './testing-orders.ts';

const ids = (column: { orders: readonly { id: string }[] } | undefined) => column?.orders.map((o) => o.id);

describe('order board', () => {
  it('every order status has exactly one column', () => {
    const statuses = boardColumns.flatMap((c) => c.statuses);
    expect(new Set(statuses).size).toBe(statuses.length);
    expect(statuses.sort()).toEqual(['cancelled', 'confirmed', 'delivered', 'delivering', 'draft', 'in_preparation', 'ready']);
  });

  it('open orders are listed oldest first, finished ones newest first', () => {
    const orders = [
      anOrder({ id: 'b', createdAt: 20 }),
      anOrder({ id: 'a', createdAt: 10 }),
      anOrder({ id: 'd1', status: 'delivered', updatedAt: 50 }),
      anOrder({ id: 'c1', status: 'cancelled', updatedAt: 60 }),
    ];
    const columns = groupBoard(orders, { finishedSince: 0 });
    expect(ids(columns.find((c) => c.spec.id === 'draft'))).toEqual(['a', 'b']);
    expect(ids(columns.find((c) => c.spec.id === 'done'))).toEqual(['c1', 'd1']);
  });

  it('finished orders from before the cut-off are left off, and the limit says how many it hid', () => {
    const orders = [1, 2, 3, 4].map((n) => anOrder({ id: `d${n}`, status: 'delivered', updatedAt: n * 100 }));
    const done = groupBoard(orders, { finishedSince: 150, finishedLimit: 2 }).find((c) => c.spec.finished);
    expect(ids(done)).toEqual(['d4', 'd3']);
    expect(done?.hidden).toBe(1);
  });

  it('the filter matches order numbers, names and phones, and channels', () => {
    const order = anOrder({ id: 'order-7f3a', customer: { name: 'Grace Hopper', phone: '555 0100' }, channel: 'takeaway' });
    expect(matchesFilter(order, { query: '#7f3a' })).toBe(true);
    expect(matchesFilter(order, { query: 'hopper' })).toBe(true);
    expect(matchesFilter(order, { query: '0100' })).toBe(true);
    expect(matchesFilter(order, { query: 'lovelace' })).toBe(false);
    expect(matchesFilter(order, { channel: 'delivery' })).toBe(false);
    expect(matchesFilter(order, { channel: 'all', query: ' ' })).toBe(true);
  });

  it('an empty delivery lane is hidden, an empty kitchen lane is not', () => {
    const columns = visibleColumns(groupBoard([], { finishedSince: 0 }));
    expect(columns.map((c) => c.spec.id)).toEqual(['draft', 'confirmed', 'in_preparation', 'ready', 'done']);
  });
});
