import { orderNumber, type Rejection } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { rejectionNotice } from './rejection-notice.ts';

const rejection = (patch: Partial<Rejection>): Rejection => ({
  id: 'rejection/c1/4', clientID: 'c1', mutationID: 4, mutationName: 'confirmOrder', code: 'illegal_transition', message: 'order: cannot go from cancelled to confirmed',
  details: { machine: 'order', from: 'cancelled', to: 'confirmed' }, at: 1, ...patch,
});

describe('rejection notices', () => {
  it('say which order’s change was undone and why, in words', () => {
    const notice = rejectionNotice(rejection({}), { name: 'confirmOrder', args: { orderId: 'order-7f3a', at: 1 } });
    expect(notice).toEqual({
      key: 'rejection/c1/4',
      undone: `Confirming order ${orderNumber('order-7f3a')}`,
      reason: 'the order is already “Cancelled” (order: cannot go from cancelled to confirmed)',
      orderId: 'order-7f3a',
    });
  });

  it('name the target status of a move', () => {
    const notice = rejectionNotice(rejection({ mutationName: 'setOrderStatus', message: 'no', details: undefined }), { name: 'setOrderStatus', args: { orderId: 'abcd', status: 'ready' } });
    expect(notice.undone).toBe(`Moving order ${orderNumber('abcd')} to “Ready”`);
    expect(notice.reason).toBe('no');
  });

  it('read the refused move from the rejection’s details, never from its message', () => {
    const kitchen = rejection({ message: 'x', details: { machine: 'kitchen order', from: 'ready', to: 'queued' } });
    expect(rejectionNotice(kitchen, undefined).reason).toBe('x');
    expect(rejectionNotice(rejection({ message: 'order: cannot go from cancelled to confirmed', details: undefined }), undefined).reason).toBe('order: cannot go from cancelled to confirmed');
  });

  it('without a memory of the mutation, still say what kind of change it was', () => {
    const notice = rejectionNotice(rejection({ mutationName: 'cancelOrder', message: '', code: 'not_found' }), undefined);
    expect(notice).toMatchObject({ undone: 'Cancelling an order', reason: 'not_found', orderId: undefined });
    expect(rejectionNotice(rejection({ mutationName: 'mystery' }), undefined).undone).toBe('A change (mystery)');
  });
});
