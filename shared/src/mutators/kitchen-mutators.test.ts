import { beforeEach, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events.ts';
import { kitchenOrderKey, orderKey, stationKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import type { ItemStatus, KitchenOrder, Order, Station } from '../schema.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { placeOrder, refusal, seedKitchen } from '../testing/scenario.ts';
import { readOrFail } from '../tx.ts';

let tx: MemoryTx;
beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
  // Two burgers and fries: one grill ticket and one fry ticket.
  await placeOrder(tx, 'o1', ['burger', 'fries'], { quantity: 2 });
});

const GRILL = 'o1.v1.grill-1';
const FRY = 'o1.v1.fry-1';
const order = async () => readOrFail<Order>(tx, orderKey('o1'), 'o1');
const ticket = (id: string) => readOrFail<KitchenOrder>(tx, kitchenOrderKey(id), id);
const station = (id: string) => readOrFail<Station>(tx, stationKey(id), id);
const setItem = (kitchenOrderId: string, itemId: string, status: ItemStatus, at = 3_000) =>
  mutators.setKitchenItemStatus(tx, { kitchenOrderId, itemId, status, at });
const bump = (kitchenOrderId: string, at = 4_000) => mutators.bumpKitchenOrder(tx, { kitchenOrderId, at });
const recall = (kitchenOrderId: string, at = 5_000) => mutators.recallKitchenOrder(tx, { kitchenOrderId, at });
const consumption = (events: DomainEvent[]) => events.filter((e) => e.type === 'ingredients.consumed');

describe('setKitchenItemStatus', () => {
  it('starting the first item starts its ticket and puts the order in preparation', async () => {
    const events = await setItem(GRILL, 'l1', 'in_progress');
    expect(events.map((e) => [e.type, 'to' in e ? e.to : ''])).toEqual([
      ['kitchen_item.status_changed', 'in_progress'],
      ['kitchen_order.status_changed', 'in_progress'],
      ['order.status_changed', 'in_preparation'],
    ]);
    expect((await ticket(GRILL)).items[0]).toMatchObject({ status: 'in_progress', startedAt: 3_000 });
    expect((await order()).statusTimes.in_preparation).toBe(3_000);
  });

  it('starting work on a second ticket leaves an order already in preparation alone', async () => {
    await setItem(GRILL, 'l1', 'in_progress');
    const events = await setItem(FRY, 'l2', 'in_progress', 3_500);
    expect(events.map((e) => e.type)).toEqual(['kitchen_item.status_changed', 'kitchen_order.status_changed']);
  });

  it('finishing an item ticks its steps and records the ingredients it used, times its quantity', async () => {
    const events = await setItem(GRILL, 'l1', 'done');
    const item = (await ticket(GRILL)).items[0];
    expect(item?.steps.every((s) => s.done)).toBe(true);
    expect(item?.consumed).toEqual([
      { name: 'beef patty', quantity: 2, unit: 'pc' },
      { name: 'bun', quantity: 2, unit: 'pc' },
    ]);
    expect(consumption(events)).toEqual([
      { type: 'ingredients.consumed', orderId: 'o1', kitchenOrderId: GRILL, itemId: 'l1', ingredients: item?.consumed },
    ]);
  });

  it('an item finished again after an undo does not consume its ingredients twice', async () => {
    await setItem(GRILL, 'l1', 'done');
    await setItem(GRILL, 'l1', 'in_progress');
    expect(consumption(await setItem(GRILL, 'l1', 'done'))).toEqual([]);
  });

  it('a done item cannot jump back to pending', async () => {
    await setItem(GRILL, 'l1', 'done');
    expect(await refusal(tx, () => setItem(GRILL, 'l1', 'pending'))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('a bumped ticket refuses item changes until it is recalled', async () => {
    await bump(GRILL);
    const attempt = setItem(GRILL, 'l1', 'in_progress');
    await expect(attempt).rejects.toThrow(/recall it first/);
    await recall(GRILL);
    await setItem(GRILL, 'l1', 'in_progress', 6_000);
    expect((await ticket(GRILL)).items[0]?.status).toBe('in_progress');
  });

  it('an unknown ticket or item is not_found', async () => {
    expect(await refusal(tx, () => setItem('o1.v1.pastry-1', 'l1', 'done'))).toEqual({ code: 'not_found', changed: false });
    expect(await refusal(tx, () => setItem(GRILL, 'l2', 'done'))).toEqual({ code: 'not_found', changed: false });
  });

  it('an unknown item status is invalid_args', async () => {
    const args = { kitchenOrderId: GRILL, itemId: 'l1', status: 'burnt', at: 1 } as unknown as Parameters<typeof mutators.setKitchenItemStatus>[1];
    expect(await refusal(tx, () => mutators.setKitchenItemStatus(tx, args))).toEqual({ code: 'invalid_args', changed: false });
  });
});

describe('bumpKitchenOrder', () => {
  it('bumping finishes what is left, makes the ticket ready and frees its station', async () => {
    await setItem(GRILL, 'l1', 'in_progress');
    await bump(GRILL);
    const bumped = await ticket(GRILL);
    expect(bumped).toMatchObject({ status: 'ready', readyAt: 4_000 });
    expect(bumped.items.map((i) => i.status)).toEqual(['done']);
    expect((await station('grill-1')).openTickets).toBe(0);
  });

  it('the order is ready only once every one of its tickets is ready', async () => {
    await bump(GRILL);
    expect((await order()).status).toBe('in_preparation');
    const events = await bump(FRY, 4_500);
    expect(events.filter((e) => e.type === 'order.status_changed')).toEqual([
      { type: 'order.status_changed', orderId: 'o1', from: 'in_preparation', to: 'ready' },
    ]);
  });

  it('bumping a ticket nobody started walks the order through preparation to ready', async () => {
    await mutators.cancelOrder(tx, { orderId: 'o1', at: 1_500 });
    await placeOrder(tx, 'o2', ['salad']);
    const events = await bump('o2.v1.cold-1');
    expect(events.filter((e) => e.type === 'order.status_changed').map((e) => e.to)).toEqual(['in_preparation', 'ready']);
  });

  it('items already finished by hand are not consumed again by the bump', async () => {
    await setItem(GRILL, 'l1', 'done');
    expect(consumption(await bump(GRILL))).toEqual([]);
    const fryEvents = await bump(FRY);
    expect(consumption(fryEvents).map((e) => e.itemId)).toEqual(['l2']);
  });

  it('a cancelled order cannot be bumped', async () => {
    await mutators.cancelOrder(tx, { orderId: 'o1', at: 2_000 });
    expect(await refusal(tx, () => bump(GRILL))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('a ready ticket cannot be bumped twice', async () => {
    await bump(GRILL);
    expect(await refusal(tx, () => bump(GRILL))).toEqual({ code: 'illegal_transition', changed: false });
  });
});

describe('recallKitchenOrder', () => {
  it('recalling a ready ticket puts it back on the rail and the order back in preparation', async () => {
    await bump(GRILL);
    await bump(FRY);
    const events = await recall(GRILL);
    expect(events.map((e) => ('to' in e ? e.to : e.type))).toEqual(['in_progress', 'in_preparation']);
    expect(await ticket(GRILL)).toMatchObject({ status: 'in_progress', recalledAt: 5_000 });
    expect((await station('grill-1')).openTickets).toBe(1);
  });

  it('only a ready ticket can be recalled', async () => {
    expect(await refusal(tx, () => recall(GRILL))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('a ticket cannot be recalled once its order is out for delivery, and nothing changes', async () => {
    await mutators.cancelOrder(tx, { orderId: 'o1', at: 1_500 });
    await placeOrder(tx, 'o2', ['salad'], { channel: 'delivery' });
    await bump('o2.v1.cold-1');
    await mutators.setOrderStatus(tx, { orderId: 'o2', status: 'delivering', at: 4_500 });
    expect(await refusal(tx, () => recall('o2.v1.cold-1'))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('a completed ticket stays completed', async () => {
    await bump(GRILL);
    await bump(FRY);
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'delivered', at: 4_800 });
    expect(await refusal(tx, () => recall(GRILL))).toEqual({ code: 'illegal_transition', changed: false });
  });
});

describe('moveKitchenItem (schema 2: the event, not the status)', () => {
  const move = (itemId: string, event: 'start' | 'finish' | 'undo', at = 3_000) => mutators.moveKitchenItem(tx, { kitchenOrderId: GRILL, itemId, event, at });

  it('start, finish and undo move the item as the table says, starting ticket and order like setKitchenItemStatus', async () => {
    await move('l1', 'start');
    expect((await ticket(GRILL)).status).toBe('in_progress');
    expect((await order()).status).toBe('in_preparation');
    await move('l1', 'finish');
    expect((await ticket(GRILL)).items[0]?.status).toBe('done');
    await move('l1', 'undo');
    expect((await ticket(GRILL)).items[0]?.status).toBe('in_progress');
  });

  it('a late start on an item someone finished is refused, where schema 1 status in_progress undoes it', async () => {
    await move('l1', 'finish');
    await expect(move('l1', 'start')).rejects.toMatchObject({ code: 'illegal_transition' });
    expect((await ticket(GRILL)).items[0]?.status).toBe('done');
    await setItem(GRILL, 'l1', 'in_progress');
    expect((await ticket(GRILL)).items[0]?.status).toBe('in_progress');
  });
});
