import { describe, expect, it } from 'vitest';
import { ticket } from './fixtures.ts';
import { heldTickets, railTickets, sortRail } from './rail.ts';

describe('the rail', () => {
  it('shows only open tickets of the chosen stations', () => {
    const tickets = [
      ticket({ id: 'a', stationId: 'grill-1' }),
      ticket({ id: 'b', stationId: 'fry-1', status: 'in_progress' }),
      ticket({ id: 'c', stationId: 'grill-1', status: 'ready' }),
      ticket({ id: 'd', stationId: 'cold-1', status: 'cancelled' }),
    ];
    expect(railTickets(tickets, ['grill-1']).map((t) => t.id)).toEqual(['a']);
    expect(railTickets(tickets, ['grill-1', 'fry-1']).map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('expo shows every station', () => {
    const tickets = [ticket({ id: 'a', stationId: 'grill-1' }), ticket({ id: 'b', stationId: 'fry-1' })];
    expect(railTickets(tickets, 'all')).toHaveLength(2);
  });

  it('works in fire order: the oldest fired first, whatever its priority (a big ticket fired 2 s ago waits its turn)', () => {
    const sorted = sortRail(
      [
        ticket({ id: 'big-new', priority: 9, createdAt: 59_000 }),
        ticket({ id: 'takeaway-old', priority: 2, createdAt: 0 }),
        ticket({ id: 'dinein-mid', priority: 3, createdAt: 10_000 }),
      ],
      new Set(),
    );
    expect(sorted.map((t) => t.id)).toEqual(['takeaway-old', 'dinein-mid', 'big-new']);
  });

  it('tickets of a RUSH order go first', () => {
    const sorted = sortRail([ticket({ id: 'old', orderId: 'o1', createdAt: 0 }), ticket({ id: 'rushed', orderId: 'o2', createdAt: 50_000 })], new Set(['o2']));
    expect(sorted.map((t) => t.id)).toEqual(['rushed', 'old']);
  });

  it('held courses are not work yet: they wait apart, first course first', () => {
    const tickets = [
      ticket({ id: 'o.v1.grill-1.c3', status: 'held', course: 3 }),
      ticket({ id: 'o.v1.grill-1.c2', status: 'held', course: 2 }),
      ticket({ id: 'o.v1.grill-1' }),
    ];
    expect(railTickets(tickets, 'all').map((t) => t.id)).toEqual(['o.v1.grill-1']);
    expect(heldTickets(tickets, ['grill-1']).map((t) => t.course)).toEqual([2, 3]);
  });
  it('a fired later course ages from when it was fired, not from the order', () => {
    const now = 11 * 60_000;
    const sorted = sortRail([ticket({ id: 'course2', priority: 3, createdAt: 0, firedAt: now }), ticket({ id: 'fresh', priority: 3, createdAt: now - 1000 })], new Set());
    expect(sorted.map((t) => t.id)).toEqual(['fresh', 'course2']);
  });
});
