import { orderNumber } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { boardColumns, groupBoard, guestAllergies, matchesFilter, visibleColumns } from './board.ts';
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

  it('sorted by lateness, the order furthest past its ETA comes first; on time keeps first in, first out', () => {
    const min = 60_000;
    const orders = [
      anOrder({ id: 'on-time-old', status: 'confirmed', createdAt: 1, etaAt: 100 * min }),
      anOrder({ id: 'late-3', status: 'confirmed', createdAt: 2, etaAt: 27 * min }),
      anOrder({ id: 'late-12', status: 'confirmed', createdAt: 3, etaAt: 18 * min }),
      anOrder({ id: 'on-time-new', status: 'confirmed', createdAt: 4, etaAt: 90 * min }),
    ];
    const confirmed = (sortBy: 'oldest' | 'late') => ids(groupBoard(orders, { finishedSince: 0, sortBy, now: 30 * min }).find((c) => c.spec.id === 'confirmed'));
    expect(confirmed('late')).toEqual(['late-12', 'late-3', 'on-time-old', 'on-time-new']);
    expect(confirmed('oldest')).toEqual(['on-time-old', 'late-3', 'late-12', 'on-time-new']);
  });

  it('finished orders from before the cut-off are left off, and the limit says how many it hid', () => {
    const orders = [1, 2, 3, 4].map((n) => anOrder({ id: `d${n}`, status: 'delivered', updatedAt: n * 100 }));
    const done = groupBoard(orders, { finishedSince: 150, finishedLimit: 2 }).find((c) => c.spec.finished);
    expect(ids(done)).toEqual(['d4', 'd3']);
    expect(done?.hidden).toBe(1);
  });

  it('the filter matches order numbers, names and phones, and channels', () => {
    const order = anOrder({ id: 'order-7f3a', customer: { name: 'Grace Hopper', phone: '555 0100' }, channel: 'takeaway' });
    expect(matchesFilter(order, { query: orderNumber('order-7f3a') })).toBe(true);
    expect(matchesFilter(order, { query: orderNumber('order-7f3a').slice(1).toLowerCase() })).toBe(true);
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

describe('what a board card must show', () => {
  it('every guest allergy of the order and its lines, each once', () => {
    const line = (id: string, allergy?: string) => ({ id, productId: 'fries', name: 'Fries', stationType: 'fry', unitPriceCents: 450, quantity: 1, modifiers: [], lineTotalCents: 450, ...(allergy ? { allergy } : {}) });
    const order = anOrder({ id: 'o', allergy: 'peanuts', lines: [line('a', 'sesame'), line('b'), line('c', 'peanuts')] });
    expect(guestAllergies(order)).toEqual(['peanuts', 'sesame']);
    expect(guestAllergies(anOrder({ id: 'p' }))).toEqual([]);
  });
});
