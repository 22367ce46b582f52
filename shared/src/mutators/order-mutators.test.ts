import { beforeEach, describe, expect, it } from 'vitest';
import { contractKey, customerKey, kitchenOrderKey, orderKey, stationKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import type { Customer, KitchenOrder, Order, ProductionContract, Station } from '../schema.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { orderArgs, placeOrder, refusal, seedKitchen } from '../testing/scenario.ts';
import { list, readOrFail } from '../tx.ts';

let tx: MemoryTx;
beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
});

const order = (id: string) => readOrFail<Order>(tx, orderKey(id), id);
const ticket = (id: string) => readOrFail<KitchenOrder>(tx, kitchenOrderKey(id), id);
const station = (id: string) => readOrFail<Station>(tx, stationKey(id), id);
const contract = (id: string) => readOrFail<ProductionContract>(tx, contractKey(id), id);
const tickets = () => list<KitchenOrder>(tx, 'kitchenOrder/');

describe('createOrder', () => {
  it("a new order is a draft whose total is the sum of its lines at today's prices", async () => {
    const items = [
      { id: 'l1', productId: 'burger', quantity: 2 },
      { id: 'l2', productId: 'fries', quantity: 1, modifiers: ['no salt'], notes: 'crispy' },
    ];
    const events = await mutators.createOrder(tx, { ...orderArgs('o1', []), items });
    const o = await order('o1');
    expect(o).toMatchObject({ status: 'draft', statusTimes: { draft: 1_000 }, itemCount: 3, totalCents: 2 * 1250 + 450 });
    expect(o.lines[1]).toEqual({
      id: 'l2',
      productId: 'fries',
      name: 'Fries',
      stationType: 'fry',
      unitPriceCents: 450,
      quantity: 1,
      modifiers: ['no salt'],
      notes: 'crispy',
      lineTotalCents: 450,
    });
    expect(events).toEqual([{ type: 'order.created', orderId: 'o1', totalCents: 2950 }]);
  });

  it('an order keeps the prices it was placed at when the menu changes later', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['burger']));
    await mutators.upsertProduct(tx, { id: 'burger', name: 'Burger', priceCents: 9999, stationType: 'grill', prepSeconds: 480 });
    expect((await order('o1')).totalCents).toBe(1250);
  });

  it('an order with a phone number records the customer and counts their orders', async () => {
    const customer = { name: 'Ada', phone: '+44 1234' };
    await mutators.createOrder(tx, { ...orderArgs('o1', ['salad']), customer });
    const events = await mutators.createOrder(tx, { ...orderArgs('o2', ['salad'], { at: 5_000 }), customer });
    expect(events).toContainEqual({ type: 'customer.upserted', customerId: 'ph00441234' });
    expect((await order('o2')).customerId).toBe('ph00441234');
    expect(await readOrFail<Customer>(tx, customerKey('ph00441234'), 'customer')).toMatchObject({ orderCount: 2, lastOrderAt: 5_000 });
  });

  it('an order id cannot be used twice', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['salad']));
    expect(await refusal(tx, () => mutators.createOrder(tx, orderArgs('o1', ['burger'])))).toEqual({ code: 'already_exists', changed: false });
  });

  it('an order for an unknown product is refused with not_found', async () => {
    expect(await refusal(tx, () => mutators.createOrder(tx, orderArgs('o1', ['salad', 'pizza'])))).toEqual({ code: 'not_found', changed: false });
  });

  it('a product taken off the menu cannot be ordered', async () => {
    await mutators.upsertProduct(tx, { id: 'salad', name: 'Garden salad', priceCents: 900, stationType: 'cold', prepSeconds: 180, active: false });
    expect(await refusal(tx, () => mutators.createOrder(tx, orderArgs('o1', ['salad'])))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('two lines with the same id are refused', async () => {
    const args = { ...orderArgs('o1', ['salad']), items: [{ id: 'l1', productId: 'salad', quantity: 1 }, { id: 'l1', productId: 'fries', quantity: 1 }] };
    expect(await refusal(tx, () => mutators.createOrder(tx, args))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('an order whose total would pass the cents ceiling is refused rather than stored broken', async () => {
    await mutators.upsertProduct(tx, { id: 'caviar', name: 'Caviar', priceCents: 60_000_000, stationType: 'cold', prepSeconds: 60 });
    const args = { ...orderArgs('o1', ['caviar'], { quantity: 2 }), customer: { name: 'Ada', phone: '+44 1234' } };
    expect(await refusal(tx, () => mutators.createOrder(tx, args))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('malformed args are refused with invalid_args and write nothing', async () => {
    for (const bad of [orderArgs('o1', ['salad'], { quantity: 0 }), orderArgs('o1', []), orderArgs('o/1', ['salad'])]) {
      expect(await refusal(tx, () => mutators.createOrder(tx, bad))).toEqual({ code: 'invalid_args', changed: false });
    }
  });
});

describe('confirmOrder', () => {
  it('confirming issues contract v1 and one ticket per station type on the least-loaded station', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['burger', 'fries']));
    const events = await mutators.confirmOrder(tx, { orderId: 'o1', at: 2_000 });
    expect(events.map((e) => e.type)).toEqual(['order.status_changed', 'contract.issued', 'kitchen_order.created', 'kitchen_order.created']);
    expect((await contract('o1.v1')).groups.map((g) => g.stationType)).toEqual(['fry', 'grill']);
    expect((await tickets()).map((t) => [t.id, t.status, t.stationType])).toEqual([
      ['o1.v1.fry-1', 'queued', 'fry'],
      ['o1.v1.grill-1', 'queued', 'grill'],
    ]);
    expect((await station('grill-1')).openTickets).toBe(1);
    expect((await station('fry-1')).openTickets).toBe(1);
  });

  it('the confirmed order records its contract version, ETA and the time it was confirmed', async () => {
    await placeOrder(tx, 'o1', ['burger']);
    expect(await order('o1')).toMatchObject({
      status: 'confirmed',
      contractVersion: 1,
      etaAt: 1_001 + 480_000,
      statusTimes: { draft: 1_000, confirmed: 1_001 },
    });
  });

  it('work spreads to the next grill once the first is relatively busier', async () => {
    for (const id of ['o1', 'o2']) await placeOrder(tx, id, ['burger']);
    // grill-1 (capacity 4) holds 1 → 0.25, grill-2 (capacity 2) is idle → 0.
    expect((await tickets()).map((t) => t.stationId)).toEqual(['grill-1', 'grill-2']);
  });

  it('a full station pushes the ETA back by its queue', async () => {
    for (const id of ['o1', 'o2', 'o3']) await placeOrder(tx, id, ['salad']);
    expect((await contract('o2.v1')).etaSeconds).toBe(180);
    expect((await contract('o3.v1')).etaSeconds).toBe(180 + 180);
  });

  it('an order can be confirmed only once', async () => {
    await placeOrder(tx, 'o1', ['salad']);
    expect(await refusal(tx, () => mutators.confirmOrder(tx, { orderId: 'o1', at: 9 }))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('confirming an unknown order is refused with not_found', async () => {
    expect(await refusal(tx, () => mutators.confirmOrder(tx, { orderId: 'nope', at: 9 }))).toEqual({ code: 'not_found', changed: false });
  });

  it('an order no active station can cook stays a draft, and nothing is written', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['salad']));
    await mutators.upsertStation(tx, { id: 'cold-1', name: 'Cold line', type: 'cold', capacity: 2, active: false });
    expect(await refusal(tx, () => mutators.confirmOrder(tx, { orderId: 'o1', at: 9 }))).toEqual({ code: 'no_station', changed: false });
    expect((await order('o1')).status).toBe('draft');
  });
});

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

describe('86: sold-out products', () => {
  it('an order holding a sold-out product is refused with sold_out, naming it', async () => {
    await mutators.setProductSoldOut(tx, { productId: 'fries', soldOut: true, at: 1 });
    expect(await refusal(tx, () => mutators.createOrder(tx, orderArgs('o1', ['burger', 'fries', 'fries'])))).toEqual({ code: 'sold_out', changed: false });
    await expect(mutators.createOrder(tx, orderArgs('o1', ['fries']))).rejects.toMatchObject({ message: 'sold out: Fries', details: { productIds: ['fries'] } });
  });

  it('a draft whose product ran out since is refused on confirm, and stays a draft', async () => {
    await mutators.createOrder(tx, orderArgs('o1', ['burger', 'salad']));
    await mutators.setProductSoldOut(tx, { productId: 'salad', soldOut: true, at: 1 });
    expect(await refusal(tx, () => mutators.confirmOrder(tx, { orderId: 'o1', at: 2 }))).toEqual({ code: 'sold_out', changed: false });
    await mutators.setProductSoldOut(tx, { productId: 'salad', soldOut: false, at: 3 });
    await mutators.confirmOrder(tx, { orderId: 'o1', at: 4 });
    expect((await order('o1')).status).toBe('confirmed');
  });
});

describe('guest allergies, table and guests', () => {
  it('an order keeps its table, guests, allergy and per-line course and allergy', async () => {
    const args = orderArgs('o1', ['burger', 'salad']);
    await mutators.createOrder(tx, { ...args, table: ' T4 ', guests: 2, allergy: ' nuts ', items: [{ ...args.items[0]!, course: 1, allergy: 'coeliac' }, { ...args.items[1]!, course: 2 }] });
    const o = await order('o1');
    expect(o).toMatchObject({ table: 'T4', guests: 2, allergy: 'nuts' });
    expect(o.lines.map((l) => [l.course, l.allergy])).toEqual([[1, 'coeliac'], [2, undefined]]);
  });

  it('an order without them stores none of the new fields', async () => {
    await placeOrder(tx, 'o1', ['burger']);
    const o = await order('o1');
    for (const field of ['table', 'guests', 'allergy']) expect(o).not.toHaveProperty(field);
    expect(await ticket('o1.v1.grill-1')).toMatchObject({ course: 1, guestAllergies: [], status: 'queued' });
  });

  it('a blank allergy, an empty table or a party of 100 is invalid_args', async () => {
    const args = orderArgs('o1', ['burger']);
    for (const bad of [{ allergy: '  ' }, { table: '' }, { guests: 100 }, { items: [{ ...args.items[0]!, course: 0 }] }]) {
      expect(await refusal(tx, () => mutators.createOrder(tx, { ...args, ...bad }))).toEqual({ code: 'invalid_args', changed: false });
    }
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
