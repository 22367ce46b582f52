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

  it('puts higher priority first, then the older ticket', () => {
    const now = 60_000;
    const sorted = sortRail(
      [
        ticket({ id: 'takeaway-old', priority: 2, createdAt: 0 }),
        ticket({ id: 'dinein-new', priority: 3, createdAt: 50_000 }),
        ticket({ id: 'dinein-old', priority: 3, createdAt: 10_000 }),
      ],
      now,
    );
    expect(sorted.map((t) => t.id)).toEqual(['dinein-old', 'dinein-new', 'takeaway-old']);
  });

  it('a ticket that waited long enough overtakes a higher base priority', () => {
    const now = 11 * 60_000;
    const sorted = sortRail([ticket({ id: 'fresh', priority: 4, createdAt: now }), ticket({ id: 'waiting', priority: 2, createdAt: 0 })], now);
    expect(sorted.map((t) => t.id)).toEqual(['waiting', 'fresh']);
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
    const sorted = sortRail([ticket({ id: 'course2', priority: 3, createdAt: 0, firedAt: now }), ticket({ id: 'fresh', priority: 3, createdAt: now - 1000 })], now);
    expect(sorted.map((t) => t.id)).toEqual(['fresh', 'course2']);
  });
});
