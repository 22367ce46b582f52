import { describe, expect, it } from 'vitest';
import { isMutatorName, mutators, readsOf } from './mutators.ts';
import { localServiceDayOf } from './order-number.ts';
import { serviceDayKey } from './keys.ts';
import { MemoryTx } from './testing/memory-tx.ts';

describe('mutator registry', () => {
  it('exposes exactly the mutators named in the public contract', () => {
    expect(Object.keys(mutators).sort()).toEqual([
      'assignPrinter',
      'bumpKitchenOrder',
      'cancelOrder',
      'claimPrintJob',
      'claimTerminalCode',
      'confirmOrder',
      'createOrder',
      'dismissRejection',
      'dismissScreenDownNotice',
      'finishPrintJob',
      'fireCourse',
      'handOffOrder',
      'moveKitchenItem',
      'recallKitchenOrder',
      'redirectPrinter',
      'reissueContract',
      'reportPrinterState',
      'reprintTicket',
      'setKitchenItemStatus',
      'setModifierOptionSoldOut',
      'setOrderRush',
      'setOrderStatus',
      'setProductSoldOut',
      'stationScreensBack',
      'stationScreensDown',
      'unassignPrinter',
      'upsertPrinter',
      'upsertProduct',
      'upsertStation',
    ]);
  });

  it('knows its own names and nothing inherited', () => {
    expect(isMutatorName('createOrder')).toBe(true);
    expect(isMutatorName('toString')).toBe(false);
    expect(isMutatorName('dropTables')).toBe(false);
  });

  it('a mutator given bad args rejects its promise instead of throwing at the call', async () => {
    let call: Promise<unknown> | undefined;
    expect(() => {
      call = mutators.confirmOrder(new MemoryTx(), { orderId: '', at: -1 });
    }).not.toThrow();
    await expect(call).rejects.toMatchObject({ code: 'invalid_args' });
  });
});

describe('what each mutator reads, declared beside it', () => {
  it('names the orders, customers, tickets and products a batch will read, and nothing for args its schema refuses', () => {
    const order = { id: 'o1', channel: 'takeaway', customer: { name: 'Ada', phone: '+44 20' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }, { id: 'l2', productId: 'burger', quantity: 1 }], at: 1 };
    const keys = readsOf([
      { name: 'createOrder', args: order },
      { name: 'bumpKitchenOrder', args: { kitchenOrderId: 'o1.v1.grill-1', at: 1 } },
      { name: 'confirmOrder', args: { orderId: 'o2', at: 1 } },
      { name: 'createOrder', args: 'not an object' },
      { name: 'createOrder', args: { ...order, id: 7 } },
      { name: 'noSuchMutator', args: { orderId: 'o3' } },
    ]);
    // createOrder also reads its day's numbering row; a ticket's mutator its order and station, as the ticket id names them.
    expect([...keys].sort()).toEqual(['customer/ph004420', 'kitchenOrder/o1.v1.grill-1', 'order/o1', 'order/o2', 'product/burger', 'product/fries', serviceDayKey(localServiceDayOf(order.at)), 'station/grill-1']);
  });
});
