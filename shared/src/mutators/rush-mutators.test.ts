import { beforeEach, describe, expect, it } from 'vitest';
import { fireOrder } from '../fire-order.ts';
import { orderKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import type { Order } from '../schema.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { orderArgs, refusal, seedKitchen } from '../testing/scenario.ts';
import { readOrFail } from '../tx.ts';

let tx: MemoryTx;
const order = () => readOrFail<Order>(tx, orderKey('o1'), 'o1');
const rush = (value: boolean, at = 5_000) => mutators.setOrderRush(tx, { orderId: 'o1', rush: value, at });

beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
  await mutators.createOrder(tx, orderArgs('o1', ['burger']));
  await mutators.confirmOrder(tx, { orderId: 'o1', at: 2_000 });
});

describe('setOrderRush', () => {
  it('flags an open order RUSH and takes the flag off again, recording each change', async () => {
    expect(await rush(true)).toEqual([{ type: 'order.rush_changed', orderId: 'o1', rush: true }]);
    expect(await order()).toMatchObject({ rush: true, updatedAt: 5_000 });
    expect(await rush(false, 6_000)).toEqual([{ type: 'order.rush_changed', orderId: 'o1', rush: false }]);
    expect((await order()).rush).toBe(false);
  });

  it('setting the flag it already has changes nothing', async () => {
    await rush(true);
    expect(await rush(true, 7_000)).toEqual([]);
    expect((await order()).updatedAt).toBe(5_000);
  });

  it('a served or cancelled order cannot be rushed', async () => {
    await mutators.cancelOrder(tx, { orderId: 'o1', at: 3_000 });
    expect(await refusal(tx, () => rush(true))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('refuses bad args and unknown orders', async () => {
    expect(await refusal(tx, () => mutators.setOrderRush(tx, { orderId: 'o1', rush: 'yes', at: 1 } as never))).toEqual({ code: 'invalid_args', changed: false });
    expect(await refusal(tx, () => mutators.setOrderRush(tx, { orderId: 'nope', rush: true, at: 1 }))).toEqual({ code: 'not_found', changed: false });
  });
});

describe('fire order', () => {
  it('puts RUSH first, then the one fired longest ago, then the id', () => {
    const keys = [
      { id: 'c', rush: false, firedAt: 300 },
      { id: 'b', rush: false, firedAt: 100 },
      { id: 'a', rush: false, firedAt: 100 },
      { id: 'r', rush: true, firedAt: 900 },
    ];
    expect([...keys].sort(fireOrder).map((k) => k.id)).toEqual(['r', 'a', 'b', 'c']);
  });
});
