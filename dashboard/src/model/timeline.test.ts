import { describe, expect, it } from 'vitest';
import { timelineFromHistory, timelineFromStatusTimes } from './timeline.ts';

const names = (id: string) => ({ 'grill-1': 'Grill 1' })[id] ?? id;

describe('order timeline', () => {
  it('the audit trail becomes readable entries with who did it, skipping events a manager does not need', () => {
    const entries = timelineFromHistory(
      [
        { seq: 1, at: '2025-01-01T10:00:00.000Z', type: 'order.created', actor: { role: 'manager' }, data: {} },
        { seq: 2, at: 1_735_725_660_000, type: 'order.status_changed', actor: 'manager', data: { from: 'draft', to: 'confirmed' } },
        { seq: 3, at: 1_735_725_660_000, type: 'contract.issued', data: { version: 1 } },
        { seq: 4, at: 1_735_725_660_000, type: 'kitchen_order.created', data: { stationId: 'grill-1' } },
        { seq: 5, at: 1_735_725_700_000, type: 'kitchen_item.status_changed', data: {} },
        { seq: 6, at: 1_735_725_800_000, type: 'kitchen_order.status_changed', data: { from: 'in_progress', to: 'ready', kitchenOrderId: 'o1.v1.grill-1' } },
        { seq: 7, at: 1_735_725_900_000, type: 'order.status_changed', data: { from: 'ready', to: 'cancelled', reason: 'guest left' } },
        { nonsense: true },
      ],
      names,
    );
    expect(entries.map((e) => [e.title, e.actor, e.detail])).toEqual([
      ['Order placed', 'manager', undefined],
      ['Confirmed', 'manager', undefined],
      ['Production contract v1 issued', undefined, undefined],
      ['Ticket sent to Grill 1', undefined, undefined],
      ['Ticket bumped at Grill 1', undefined, undefined],
      ['Cancelled', undefined, 'Reason: guest left'],
    ]);
    expect(entries[0]?.at).toBe(Date.parse('2025-01-01T10:00:00.000Z'));
  });

  it('until the history loads, the replica’s status times make the timeline, oldest first', () => {
    const entries = timelineFromStatusTimes({ statusTimes: { confirmed: 20, draft: 10, cancelled: 30 }, cancelReason: 'no stock' });
    expect(entries.map((e) => [e.title, e.at, e.detail])).toEqual([
      ['Order placed', 10, undefined],
      ['Confirmed', 20, undefined],
      ['Cancelled', 30, 'Reason: no stock'],
    ]);
  });
});
