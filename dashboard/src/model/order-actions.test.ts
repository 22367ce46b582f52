import { describe, expect, it } from 'vitest';
import { canCancel, orderActions } from './order-actions.ts';

describe('order actions', () => {
  it('a new order can be confirmed or cancelled without a reason', () => {
    const actions = orderActions({ status: 'draft', channel: 'dine_in' });
    expect(actions.forward.map((m) => m.to)).toEqual(['confirmed']);
    expect(actions.forward[0]?.label).toBe('Confirm');
    expect(actions.cancel).toEqual({ allowed: true, needsReason: false });
  });

  it('a ready dine-in order is handed over, a ready delivery goes out with a courier', () => {
    expect(orderActions({ status: 'ready', channel: 'dine_in' }).forward.map((m) => m.to)).toEqual(['delivered']);
    expect(orderActions({ status: 'ready', channel: 'delivery' }).forward.map((m) => m.to)).toEqual(['delivering']);
  });

  it('a ready order can go back to the kitchen, and cancelling it needs a reason', () => {
    const actions = orderActions({ status: 'ready', channel: 'takeaway' });
    expect(actions.back.map((m) => m.to)).toEqual(['in_preparation']);
    expect(actions.cancel).toEqual({ allowed: true, needsReason: true });
    expect(canCancel({ status: 'ready', channel: 'takeaway' }, '  ')).toBe(false);
    expect(canCancel({ status: 'ready', channel: 'takeaway' }, 'guest left')).toBe(true);
  });

  it('delivered and cancelled orders offer nothing', () => {
    for (const status of ['delivered', 'cancelled'] as const) {
      const actions = orderActions({ status, channel: 'online' });
      expect(actions.forward).toEqual([]);
      expect(actions.back).toEqual([]);
      expect(actions.cancel.allowed).toBe(false);
    }
  });
});
