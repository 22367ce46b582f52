import { describe, expect, it } from 'vitest';
import { readHints } from './read-hints.ts';

describe('read hints', () => {
  it('name the orders, customers, tickets and products a batch will read, and ignore junk', () => {
    const keys = readHints([
      { name: 'createOrder', args: { id: 'o1', customer: { name: 'Ada', phone: '+44 20' }, items: [{ productId: 'fries' }, { productId: 'burger' }, null] } },
      { name: 'bumpKitchenOrder', args: { kitchenOrderId: 'o1.v1.grill-1' } },
      { name: 'confirmOrder', args: { orderId: 'o2' } },
      { name: 'createOrder', args: 'not an object' },
      { name: 'createOrder', args: { id: 7, items: 'nope' } },
    ]);
    expect([...keys].sort()).toEqual(['customer/ph004420', 'kitchenOrder/o1.v1.grill-1', 'order/o1', 'order/o2', 'product/burger', 'product/fries']);
  });
});
