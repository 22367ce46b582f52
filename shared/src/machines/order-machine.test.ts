import { describe, expect, it } from 'vitest';
import { channels, orderStatuses, type Channel, type OrderStatus } from '../schema.ts';
import { orderMachine, orderStatusesWithKitchen } from './order-machine.ts';

const onSite: Channel[] = ['dine_in', 'takeaway'];
const courier: Channel[] = ['delivery', 'online'];

/**
 * The order lifecycle of DESIGN.md, spelled out per channel, to hold the table against.
 * (`delivering` is unreachable for on-site channels, so its way out needs no channel rule.)
 */
function expectedMoves(channel: Channel): Record<OrderStatus, OrderStatus[]> {
  const handOver: OrderStatus = courier.includes(channel) ? 'delivering' : 'delivered';
  return {
    draft: ['confirmed', 'cancelled'],
    confirmed: ['in_preparation', 'cancelled'],
    in_preparation: ['ready', 'cancelled'],
    ready: [handOver, 'cancelled', 'in_preparation'],
    delivering: ['delivered', 'cancelled'],
    delivered: [],
    cancelled: [],
  };
}

describe('order machine', () => {
  it.each(channels)('allows exactly the lifecycle moves of DESIGN.md for a %s order', (channel) => {
    const expected = expectedMoves(channel);
    for (const from of orderStatuses) {
      expect(orderMachine.allowedTransitions(from, { channel }).sort(), `from ${from}`).toEqual(expected[from].sort());
    }
  });

  it.each(onSite)('a %s order is handed over on site and never goes out for delivery', (channel) => {
    expect(orderMachine.can('ready', 'delivering', { channel })).toBe(false);
    expect(orderMachine.can('ready', 'delivered', { channel })).toBe(true);
    expect(() => orderMachine.assertTransition('ready', 'delivering', { channel })).toThrow(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
  });

  it.each(courier)('a %s order goes out with a courier before it is delivered', (channel) => {
    expect(orderMachine.can('ready', 'delivered', { channel })).toBe(false);
    expect(orderMachine.can('ready', 'delivering', { channel })).toBe(true);
    expect(orderMachine.can('delivering', 'delivered', { channel })).toBe(true);
  });

  it('a draft or confirmed order can be cancelled without a reason', () => {
    expect(orderMachine.can('draft', 'cancelled', { channel: 'dine_in' })).toBe(true);
    expect(orderMachine.can('confirmed', 'cancelled', { channel: 'dine_in' })).toBe(true);
    expect(orderMachine.requiresReason('confirmed', 'cancelled')).toBe(false);
  });

  it.each(['in_preparation', 'ready', 'delivering'] as const)(
    'cancelling a %s order needs a reason, and blank text is no reason',
    (from) => {
      const channel = 'delivery';
      expect(orderMachine.requiresReason(from, 'cancelled')).toBe(true);
      expect(orderMachine.can(from, 'cancelled', { channel })).toBe(false);
      expect(orderMachine.can(from, 'cancelled', { channel, reason: '   ' })).toBe(false);
      expect(() => orderMachine.assertTransition(from, 'cancelled', { channel })).toThrow(/needs a reason/);
      expect(orderMachine.can(from, 'cancelled', { channel, reason: 'guest left' })).toBe(true);
    },
  );

  it('delivered and cancelled orders are final', () => {
    expect(orderStatuses.filter((s) => orderMachine.isFinal(s))).toEqual(['delivered', 'cancelled']);
  });

  it('an order cannot skip the kitchen: a draft cannot become ready', () => {
    expect(() => orderMachine.assertTransition('draft', 'ready', { channel: 'takeaway' })).toThrow(
      expect.objectContaining({ code: 'illegal_transition', details: { machine: 'order', from: 'draft', to: 'ready' } }),
    );
  });
});

describe('order machine, by event', () => {
  it.each(channels)('hand_off takes a ready %s order to the next step of its channel', (channel) => {
    expect(orderMachine.next('hand_off', 'ready', { channel })).toBe(courier.includes(channel) ? 'delivering' : 'delivered');
  });

  it('confirm, start, finish, deliver and reopen each name one move', () => {
    const ctx = { channel: 'delivery' } as const;
    expect(orderMachine.next('confirm', 'draft', ctx)).toBe('confirmed');
    expect(orderMachine.next('start', 'confirmed', ctx)).toBe('in_preparation');
    expect(orderMachine.next('finish', 'in_preparation', ctx)).toBe('ready');
    expect(orderMachine.next('deliver', 'delivering', ctx)).toBe('delivered');
    expect(orderMachine.next('reopen', 'ready', ctx)).toBe('in_preparation');
  });

  it('cancel needs a reason once food is being cooked, as the target-addressed move does', () => {
    expect(orderMachine.allows('cancel', 'in_preparation', { channel: 'dine_in' })).toBe(false);
    expect(orderMachine.next('cancel', 'in_preparation', { channel: 'dine_in', reason: 'guest left' })).toBe('cancelled');
  });

  it('an order that is not ready cannot be handed off, in words a client can parse', () => {
    expect(() => orderMachine.next('hand_off', 'in_preparation', { channel: 'takeaway' })).toThrow('order: cannot hand off a in_preparation order');
    expect(() => orderMachine.next('confirm', 'cancelled', { channel: 'takeaway' })).toThrow('order: cannot go from cancelled to confirmed');
  });

  it('only finishing (the last ticket bumped) prints the expo chit: the action is on that row, not on the status ready', () => {
    expect(orderMachine.actionsOf('in_preparation', 'ready', { channel: 'takeaway' })).toEqual(['printExpoChit']);
    expect(orderMachine.transition('finish', 'in_preparation', { channel: 'delivery' }).actions).toEqual(['printExpoChit']);
    expect(orderMachine.actionsOf('ready', 'in_preparation', { channel: 'takeaway' })).toEqual([]);
    expect(orderMachine.actionsOf('draft', 'ready', { channel: 'takeaway' })).toEqual([]);
  });

  it('an order is with the kitchen from confirmation until its hand-off', () => {
    expect([...orderStatusesWithKitchen].sort()).toEqual(['confirmed', 'in_preparation', 'ready']);
  });
});
