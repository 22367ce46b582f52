import type { Order } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { item, ticket } from './fixtures.ts';
import { expoOrders, expoOrdersKeepingCards } from './expo.ts';

const order = (id: string, status: Order['status'], channel: Order['channel'] = 'dine_in') => ({ id, status, channel }) as Order;

describe('the expo screen', () => {
  it('shows one card per order with each station’s progress', () => {
    const tickets = [
      ticket({ id: 'o1.v1.grill-1', orderId: 'o1', status: 'in_progress', items: [item({ id: 'a', status: 'done' }), item({ id: 'b' })] }),
      ticket({ id: 'o1.v1.fry-1', orderId: 'o1', stationId: 'fry-1', status: 'ready' }),
    ];
    const [o1, ...rest] = expoOrders(tickets, (id) => order(id, 'in_preparation'));
    expect(rest).toEqual([]);
    expect(o1?.progress.map((p) => [p.stationId, p.status, p.done, p.total])).toEqual([
      ['fry-1', 'ready', 1, 1],
      ['grill-1', 'in_progress', 1, 2],
    ]);
    expect(o1?.allIn).toBe(false);
    expect(o1?.canHandOff).toBe(false);
  });

  it('lists each station’s items with quantity, name and state', () => {
    const tickets = [ticket({ id: 'o1.v1.grill-1', orderId: 'o1', status: 'in_progress', items: [item({ id: 'a', status: 'done' }), item({ id: 'b', quantity: 2 })] })];
    const [o1] = expoOrders(tickets, (id) => order(id, 'in_preparation'));
    expect(o1?.progress[0]?.items.map((i) => [i.id, i.quantity, i.status])).toEqual([
      ['a', 1, 'done'],
      ['b', 2, 'pending'],
    ]);
  });

  it('is all in once every station is ready, and can then be handed off; orders keep fire order, RUSH first', () => {
    const tickets = [
      ticket({ id: 'old.v1.grill-1', orderId: 'old', createdAt: 0 }),
      ticket({ id: 'new.v1.grill-1', orderId: 'new', status: 'ready', createdAt: 5 }),
      ticket({ id: 'rushed.v1.grill-1', orderId: 'rushed', createdAt: 9 }),
    ];
    const byId = (id: string) => ({ ...order(id, id === 'new' ? 'ready' : 'confirmed'), ...(id === 'rushed' ? { rush: true } : {}) });
    const list = expoOrders(tickets, byId);
    expect(list.map((o) => [o.orderId, o.allIn, o.canHandOff, o.rush])).toEqual([
      ['rushed', false, false, true],
      ['old', false, false, false],
      ['new', true, true, false],
    ]);
  });

  it('held courses keep the order from being all in, and are listed for firing', () => {
    const tickets = [
      ticket({ id: 'o.v1.grill-1', orderId: 'o', status: 'ready' }),
      ticket({ id: 'o.v1.grill-1.c2', orderId: 'o', status: 'held', course: 2 }),
    ];
    const [o] = expoOrders(tickets, (id) => order(id, 'in_preparation'));
    expect(o?.allIn).toBe(false);
    expect(o?.heldCourses).toEqual([2]);
  });

  it('only the current contract counts, and handed-off orders leave', () => {
    const tickets = [
      ticket({ id: 'o.v1.grill-1', orderId: 'o', status: 'cancelled' }),
      ticket({ id: 'o.v2.grill-1', orderId: 'o', contractVersion: 2 }),
      ticket({ id: 'gone.v1.grill-1', orderId: 'gone', status: 'completed' }),
      ticket({ id: 'served.v1.grill-1', orderId: 'served', status: 'ready' }),
    ];
    const list = expoOrders(tickets, (id) => order(id, id === 'served' ? 'delivered' : 'confirmed'));
    expect(list.map((o) => [o.orderId, o.tickets.map((t) => t.id)])).toEqual([['o', ['o.v2.grill-1']]]);
  });

  it('a screen keeps the card of an order whose tickets and order are the same objects, and makes the rest afresh', () => {
    const a = ticket({ id: 'a.v1.grill-1', orderId: 'a', createdAt: 0 });
    const b = ticket({ id: 'b.v1.grill-1', orderId: 'b', createdAt: 5 });
    const orderA = order('a', 'confirmed');
    const orderB = order('b', 'confirmed');
    const byId = (id: string) => (id === 'a' ? orderA : orderB);
    const cards = expoOrdersKeepingCards();
    const [a1, b1] = cards([a, b], byId);
    const bReady = { ...b, status: 'ready' as const, items: b.items.map((i) => ({ ...i, status: 'done' as const })) };
    const [a2, b2] = cards([a, bReady], byId);
    expect(a2).toBe(a1);
    expect(b2).not.toBe(b1);
    expect(b2).toEqual(expoOrders([bReady], byId)[0]);
    // The order changed (same tickets): its card is made again.
    const [a3] = cards([a, bReady], (id) => (id === 'a' ? { ...orderA, rush: true } : orderB));
    expect(a3).not.toBe(a2);
    expect(a3?.rush).toBe(true);
  });
});
