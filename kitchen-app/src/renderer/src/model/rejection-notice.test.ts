import { orderNumber, type Rejection } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { item, ticket } from './fixtures.ts';
import { rejectionNotice } from './rejection-notice.ts';
import { ticketNumber } from './ticket-label.ts';

const rejection = (mutationName: string, code = 'illegal_transition'): Rejection => ({
  id: 'rejection/c1/7',
  clientID: 'c1',
  mutationID: 7,
  mutationName,
  code,
  message: 'kitchen order: cannot bump a cancelled kitchen order',
  at: 1,
});
const open = ticket({ id: 'ord42ab.v1.grill-1', orderId: 'ord42ab', items: [item({ id: 'l1', name: 'Burger', quantity: 2 })] });
const cancelled = { ...open, status: 'cancelled' as const, closedBy: { kind: 'order_cancelled' as const, at: 2 } };
const byId = (t: typeof open) => (id: string) => (id === t.id ? t : undefined);
const station = () => 'Grill 1';
const bump = { name: 'bumpKitchenOrder', args: { kitchenOrderId: open.id } };

describe('rejection notices speak kitchen', () => {
  it('a bump of a cancelled order says stop cooking', () => {
    expect(rejectionNotice(rejection('bumpKitchenOrder'), bump, byId(cancelled), station)).toEqual({
      key: 'rejection/c1/7',
      ticket: `${ticketNumber({ orderId: 'ord42ab' })} Grill 1`,
      headline: 'ORDER CANCELLED — stop cooking',
      detail: 'Your bump was undone: kitchen order: cannot bump a cancelled kitchen order',
    });
  });
  it('a re-issued order says to cook from the new ticket', () => {
    const reissued = { ...open, status: 'cancelled' as const, closedBy: { kind: 'contract_reissued' as const, at: 2 } };
    expect(rejectionNotice(rejection('bumpKitchenOrder'), bump, byId(reissued), station).headline).toBe('ORDER CHANGED — cook from the new ticket');
  });
  it('name the item for item changes', () => {
    const n = rejectionNotice(
      rejection('setKitchenItemStatus'),
      { name: 'setKitchenItemStatus', args: { kitchenOrderId: open.id, itemId: 'l1', status: 'in_progress' } },
      byId(open),
      station,
    );
    expect(n.detail).toMatch(/^Your start of Burger ×2 was undone/);
    expect(n.headline).toBe('START OF BURGER ×2 DID NOT GO THROUGH');
  });
  it('an 86 refusal says the item is sold out', () => {
    expect(rejectionNotice(rejection('handOffOrder', 'sold_out'), undefined, byId(open), station).headline).toBe('86 — item is sold out');
  });
  it('still say something when the ticket is gone from the replica', () => {
    const n = rejectionNotice(rejection('recallKitchenOrder'), { name: 'recallKitchenOrder', args: { kitchenOrderId: 'zz99.v1.fry-1' } }, byId(open), station);
    expect(n.ticket).toBe(ticketNumber({ orderId: 'zz99' }));
    expect(n.headline).toBe('RECALL DID NOT GO THROUGH');
  });
  it('fall back to the mutation name when nothing is remembered', () => {
    expect(rejectionNotice(rejection('mysteryMutation'), undefined, byId(open), station)).toMatchObject({ ticket: 'A change', headline: 'MYSTERYMUTATION DID NOT GO THROUGH' });
  });
});

describe('ticket numbers', () => {
  it("are the order's number, carried by the ticket", () => expect(ticketNumber({ orderId: 'o-1234-ab_cd', number: 'A-12' })).toBe('#A-12'));
  it('of tickets from before numbers are the shared four characters', () => expect(ticketNumber({ orderId: 'o-1234-ab_cd' })).toBe(orderNumber('o-1234-ab_cd')));
});
