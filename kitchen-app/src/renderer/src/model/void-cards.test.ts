import { describe, expect, it } from 'vitest';
import { ticket } from './fixtures.ts';
import { voidKey, voidOf, voidTickets } from './void-cards.ts';

const cancelled = ticket({ id: 'a.v1.grill-1', status: 'cancelled', closedBy: { kind: 'order_cancelled', reason: 'guest left', at: 5000 } });
const reissued = ticket({ id: 'b.v1.grill-1', status: 'cancelled', closedBy: { kind: 'contract_reissued', at: 6000 } });
const markedReady = ticket({ id: 'c.v1.grill-1', status: 'ready', closedBy: { kind: 'marked_ready', at: 7000 } });
const bumped = ticket({ id: 'd.v1.grill-1', status: 'ready' });
const otherStation = ticket({ id: 'e.v1.fry-1', stationId: 'fry-1', status: 'cancelled', closedBy: { kind: 'order_cancelled', at: 8000 } });

describe('void cards', () => {
  it('cancelled, re-issued and manager-ready tickets of this screen show, newest first; a cook’s bump does not', () => {
    const list = voidTickets([cancelled, reissued, markedReady, bumped, otherStation], ['grill-1'], new Set(), 0);
    expect(list.map((t) => t.id)).toEqual([markedReady.id, reissued.id, cancelled.id]);
  });
  it('an acknowledged void leaves this screen', () => {
    const acked = new Set([voidKey(cancelled, cancelled.closedBy!)]);
    expect(voidTickets([cancelled], 'all', acked, 0)).toEqual([]);
  });
  it('voids from long before the screen opened are history', () => expect(voidTickets([cancelled], 'all', new Set(), 10_000)).toEqual([]));
  it('a ticket cancelled before closedBy existed is still a void', () => {
    expect(voidOf(ticket({ id: 'x', status: 'cancelled', updatedAt: 9 }))).toEqual({ kind: 'order_cancelled', at: 9 });
  });
  it('a manager-ready ticket a cook recalled is work again, not a void', () => {
    expect(voidOf({ ...markedReady, status: 'in_progress' })).toBeUndefined();
  });
});
