import { beforeEach, describe, expect, it } from 'vitest';
import { customerKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import type { Customer } from '../schema.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { orderReaders } from '../testing/order-readers.ts';
import { orderArgs, placeOrder, refusal, seedKitchen } from '../testing/scenario.ts';
import { readOrFail } from '../tx.ts';

let tx: MemoryTx;
beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
});

const { order, ticket, station, contract, tickets } = orderReaders(() => tx);

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
