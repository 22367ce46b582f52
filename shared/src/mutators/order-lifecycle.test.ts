// The order's life after it is placed: moves by status, hand-off, cancelling and re-issued contracts (placing and confirming are in order-mutators.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import { mutators } from '../mutators.ts';
import type { Order } from '../schema.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { orderReaders } from '../testing/order-readers.ts';
import { orderArgs, placeOrder, refusal, seedKitchen } from '../testing/scenario.ts';

let tx: MemoryTx;
beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
});

const { order, ticket, station, contract, tickets } = orderReaders(() => tx);

describe('setOrderStatus', () => {
  it('an order cannot skip steps: a draft cannot become ready', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['salad']));
    expect(await refusal(tx, () => mutators.setOrderStatus(tx, { orderId: 'o1', status: 'ready', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('setting a draft to confirmed confirms it, contract and tickets included', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['salad']));
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'confirmed', at: 9 });
    expect((await tickets()).map((t) => t.id)).toEqual(['o1.v1.cold-1']);
  });

  it('a dine-in order is served from ready, never sent out for delivery', async () => {
    await placeOrder(tx, 'o1', ['salad']);
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: 'o1.v1.cold-1', at: 3_000 });
    expect(await refusal(tx, () => mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivering', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivered', at: 4_000 });
    expect((await order('o1')).statusTimes.delivered).toBe(4_000);
  });

  it('a delivery order goes out with a courier, and once delivered its tickets are completed', async () => {
    await placeOrder(tx, 'o1', ['burger', 'fries'], { channel: 'delivery' });
    for (const id of ['o1.v1.fry-1', 'o1.v1.grill-1']) await mutators.bumpKitchenOrder(tx, { kitchenOrderId: id, at: 3_000 });
    expect(await refusal(tx, () => mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivered', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivering', at: 4_000 });
    const events = await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivered', at: 5_000 });
    expect(events.filter((e) => e.type === 'kitchen_order.status_changed').map((e) => e.kitchenOrderId)).toEqual(['o1.v1.fry-1', 'o1.v1.grill-1']);
    expect((await tickets()).map((t) => t.status)).toEqual(['completed', 'completed']);
  });

  it('an order marked ready by hand leaves no ticket open on the rail', async () => {
    await placeOrder(tx, 'o1', ['burger', 'fries']);
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'in_preparation', at: 2_000 });
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'ready', at: 3_000 });
    expect((await tickets()).map((t) => [t.status, t.closedBy])).toEqual([
      ['ready', { kind: 'marked_ready', at: 3_000 }],
      ['ready', { kind: 'marked_ready', at: 3_000 }],
    ]);
    expect((await station('grill-1')).openTickets).toBe(0);
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivered', at: 4_000 });
    expect((await tickets()).map((t) => t.status)).toEqual(['completed', 'completed']);
  });

  it('setting cancelled by status cannot skip the reason once preparation has started', async () => {
    await placeOrder(tx, 'o1', ['salad']);
    await mutators.setKitchenItemStatus(tx, { kitchenOrderId: 'o1.v1.cold-1', itemId: 'l1', status: 'in_progress', at: 2_000 });
    expect(await refusal(tx, () => mutators.setOrderStatus(tx, { orderId: 'o1', status: 'cancelled', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
  });
});

describe('handOffOrder', () => {
  const handOff = (at = 5_000) => mutators.handOffOrder(tx, { orderId: 'o1', at });
  const readyOrder = async (channel: Order['channel']) => {
    await placeOrder(tx, 'o1', ['salad'], { channel });
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: 'o1.v1.cold-1', at: 3_000 });
  };

  it.each(['dine_in', 'takeaway'] as const)('a ready %s order is handed over on site: delivered, tickets completed', async (channel) => {
    await readyOrder(channel);
    const events = await handOff();
    expect(events.map((e) => ('to' in e ? e.to : e.type))).toEqual(['delivered', 'completed']);
    expect((await order('o1')).statusTimes.delivered).toBe(5_000);
  });

  it.each(['delivery', 'online'] as const)('a ready %s order is given to the courier: delivering', async (channel) => {
    await readyOrder(channel);
    await handOff();
    expect((await order('o1')).status).toBe('delivering');
    expect((await ticket('o1.v1.cold-1')).status).toBe('ready');
  });

  it('an order still cooking cannot be handed off, and nothing changes', async () => {
    await placeOrder(tx, 'o1', ['salad']);
    expect(await refusal(tx, () => handOff())).toEqual({ code: 'illegal_transition', changed: false });
  });
});

describe('cancelOrder', () => {
  it('cancelling a confirmed order cancels its tickets and frees their stations', async () => {
    await placeOrder(tx, 'o1', ['burger', 'fries']);
    await mutators.cancelOrder(tx, { orderId: 'o1', at: 2_000 });
    expect((await order('o1')).status).toBe('cancelled');
    expect((await tickets()).map((t) => [t.status, t.closedBy])).toEqual([
      ['cancelled', { kind: 'order_cancelled', at: 2_000 }],
      ['cancelled', { kind: 'order_cancelled', at: 2_000 }],
    ]);
    expect((await station('grill-1')).openTickets).toBe(0);
    expect((await station('fry-1')).openTickets).toBe(0);
  });

  it('an order in preparation is cancelled only with a reason, which is kept', async () => {
    await placeOrder(tx, 'o1', ['salad']);
    await mutators.setKitchenItemStatus(tx, { kitchenOrderId: 'o1.v1.cold-1', itemId: 'l1', status: 'in_progress', at: 2_000 });
    expect(await refusal(tx, () => mutators.cancelOrder(tx, { orderId: 'o1', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
    const events = await mutators.cancelOrder(tx, { orderId: 'o1', reason: 'guest left', at: 3_000 });
    expect(events[0]).toEqual({ type: 'order.status_changed', orderId: 'o1', from: 'in_preparation', to: 'cancelled', reason: 'guest left' });
    expect((await order('o1')).cancelReason).toBe('guest left');
  });

  it('a delivered order cannot be cancelled', async () => {
    await placeOrder(tx, 'o1', ['salad']);
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: 'o1.v1.cold-1', at: 2_000 });
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivered', at: 3_000 });
    expect(await refusal(tx, () => mutators.cancelOrder(tx, { orderId: 'o1', reason: 'too late', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
  });
});

describe('reissueContract', () => {
  const newRecipe = { id: 'burger', name: 'Burger', priceCents: 1250, stationType: 'grill', prepSeconds: 480, recipeSteps: ['Smash patty', 'Assemble'] };

  it('a recipe change issues contract v2 and keeps v1 readable, marked superseded', async () => {
    await placeOrder(tx, 'o1', ['burger']);
    await mutators.upsertProduct(tx, newRecipe);
    await mutators.reissueContract(tx, { orderId: 'o1', at: 5_000 });
    expect(await contract('o1.v1')).toMatchObject({ version: 1, supersededBy: 2 });
    expect((await contract('o1.v2')).groups[0]?.items[0]).toMatchObject({ steps: ['Smash patty', 'Assemble'], recipeVersion: 2 });
    expect((await order('o1')).contractVersion).toBe(2);
    expect((await tickets()).map((t) => [t.id, t.status])).toEqual([
      ['o1.v1.grill-1', 'cancelled'],
      ['o1.v2.grill-1', 'queued'],
    ]);
    expect((await station('grill-1')).openTickets).toBe(1);
  });

  it('the new tickets carry the progress made on the old ones', async () => {
    await placeOrder(tx, 'o1', ['burger', 'fries']);
    await mutators.setKitchenItemStatus(tx, { kitchenOrderId: 'o1.v1.fry-1', itemId: 'l2', status: 'done', at: 2_000 });
    await mutators.reissueContract(tx, { orderId: 'o1', at: 5_000 });
    const fry = await ticket('o1.v2.fry-1');
    expect(fry.status).toBe('in_progress');
    expect(fry.items[0]).toMatchObject({ status: 'done', doneAt: 2_000, consumed: [{ name: 'potatoes', quantity: 200, unit: 'g' }] });
    expect((await ticket('o1.v2.grill-1')).status).toBe('queued');
  });

  it('a draft or ready order has no contract to re-issue', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['salad']));
    expect(await refusal(tx, () => mutators.reissueContract(tx, { orderId: 'o1', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
    await placeOrder(tx, 'o2', ['salad']);
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: 'o2.v1.cold-1', at: 2_000 });
    expect(await refusal(tx, () => mutators.reissueContract(tx, { orderId: 'o2', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('when no station can take the new contract, the old one stays in force untouched', async () => {
    await placeOrder(tx, 'o1', ['salad']);
    await mutators.upsertStation(tx, { id: 'cold-1', name: 'Cold line', type: 'cold', capacity: 2, active: false });
    expect(await refusal(tx, () => mutators.reissueContract(tx, { orderId: 'o1', at: 9 }))).toEqual({ code: 'no_station', changed: false });
    expect((await ticket('o1.v1.cold-1')).status).toBe('queued');
  });
});
