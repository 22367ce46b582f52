import { describe, expect, it } from 'vitest';
import { isMutatorName, mutators } from './mutators.ts';
import { MemoryTx } from './testing/memory-tx.ts';

describe('mutator registry', () => {
  it('exposes exactly the mutators named in the public contract', () => {
    expect(Object.keys(mutators).sort()).toEqual([
      'assignPrinter',
      'bumpKitchenOrder',
      'cancelOrder',
      'claimPrintJob',
      'confirmOrder',
      'createOrder',
      'dismissRejection',
      'finishPrintJob',
      'fireCourse',
      'handOffOrder',
      'recallKitchenOrder',
      'redirectPrinter',
      'reissueContract',
      'reportPrinterState',
      'reprintTicket',
      'setKitchenItemStatus',
      'setOrderRush',
      'setOrderStatus',
      'setProductSoldOut',
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
