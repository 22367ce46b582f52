import type { Rejection } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { item, ticket } from './fixtures.ts';
import { rejectionNotice } from './rejection-notice.ts';
import { ticketNumber } from './ticket-label.ts';

const rejection = (mutationName: string): Rejection => ({
  id: 'rejection/c1/7',
  clientID: 'c1',
  mutationID: 7,
  mutationName,
  code: 'illegal_transition',
  message: 'kitchen order: cannot go from cancelled to ready',
  at: 1,
});
const t = ticket({ id: 'ord42ab.v1.grill-1', orderId: 'ord42ab', items: [item({ id: 'l1', name: 'Burger', quantity: 2 })] });
const byId = (id: string) => (id === t.id ? t : undefined);
const station = () => 'Grill 1';

describe('rejection notices', () => {
  it('say which ticket, what was undone and why', () => {
    const n = rejectionNotice(rejection('bumpKitchenOrder'), { name: 'bumpKitchenOrder', args: { kitchenOrderId: t.id } }, byId, station);
    expect(n).toEqual({
      key: 'rejection/c1/7',
      ticket: '#42AB Grill 1',
      undone: 'Bump was undone',
      reason: 'kitchen order: cannot go from cancelled to ready',
    });
  });

  it('name the item for item changes', () => {
    const n = rejectionNotice(
      rejection('setKitchenItemStatus'),
      { name: 'setKitchenItemStatus', args: { kitchenOrderId: t.id, itemId: 'l1', status: 'in_progress' } },
      byId,
      station,
    );
    expect(n.undone).toBe('Start of Burger ×2 was undone');
  });

  it('still say something when the ticket is gone from the replica', () => {
    const n = rejectionNotice(rejection('recallKitchenOrder'), { name: 'recallKitchenOrder', args: { kitchenOrderId: 'zz99.v1.fry-1' } }, byId, station);
    expect(n.ticket).toBe('#ZZ99');
    expect(n.undone).toBe('Recall was undone');
  });

  it('fall back to the mutation name when nothing is remembered', () => {
    const n = rejectionNotice(rejection('mysteryMutation'), undefined, byId, station);
    expect(n).toMatchObject({ ticket: 'A change', undone: 'mysteryMutation was undone' });
  });
});

describe('ticket numbers', () => {
  it('are the last four characters of the order id', () => expect(ticketNumber('o-1234-ab_cd')).toBe('#ABCD'));
});
