import { beforeEach, describe, expect, it } from 'vitest';
import { kitchenOrderKey, orderKey, stationKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import type { KitchenOrder, Order, Station } from '../schema.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { orderArgs, refusal, seedKitchen } from '../testing/scenario.ts';
import { read, readOrFail } from '../tx.ts';

let tx: MemoryTx;
const ticket = (id: string) => readOrFail<KitchenOrder>(tx, kitchenOrderKey(id), id);
const order = () => readOrFail<Order>(tx, orderKey('o1'), 'o1');
const station = (id: string) => readOrFail<Station>(tx, stationKey(id), id);
const fire = (course: number, at = 9_000) => mutators.fireCourse(tx, { orderId: 'o1', course, at });

/** Table 12, four guests: a burger first, then salad and a second burger as mains; a coeliac guest. */
beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
  const args = orderArgs('o1', ['burger', 'salad', 'burger']);
  await mutators.createOrder(tx, {
    ...args,
    table: '12',
    guests: 4,
    allergy: 'shellfish',
    items: args.items.map((item, n) => (n === 0 ? { ...item, allergy: 'SEVERE coeliac – change gloves' } : { ...item, course: 2 })),
  });
  await mutators.confirmOrder(tx, { orderId: 'o1', at: 2_000 });
});

describe('courses on confirm', () => {
  it('course 1 goes to the line at once; later courses wait, held, under their own ticket ids', async () => {
    expect(await ticket('o1.v1.grill-1')).toMatchObject({ status: 'queued', course: 1, firedAt: 2_000 });
    const mainGrill = await ticket('o1.v1.grill-1.c2');
    expect(mainGrill).toMatchObject({ status: 'held', course: 2 });
    expect(mainGrill.firedAt).toBeUndefined();
    expect(await ticket('o1.v1.cold-1.c2')).toMatchObject({ status: 'held', course: 2 });
  });

  it('held tickets do not load their station', async () => {
    expect((await station('grill-1')).openTickets).toBe(1);
    expect((await station('cold-1')).openTickets).toBe(0);
  });

  it('tickets carry the table, guests and every guest allergy that concerns them', async () => {
    expect(await ticket('o1.v1.grill-1')).toMatchObject({ table: '12', guests: 4, guestAllergies: ['shellfish', 'SEVERE coeliac – change gloves'] });
    expect((await ticket('o1.v1.grill-1')).items[0]).toMatchObject({ course: 1, guestAllergy: 'SEVERE coeliac – change gloves', startOffsetSeconds: 0 });
    expect((await ticket('o1.v1.cold-1.c2')).guestAllergies).toEqual(['shellfish']);
  });

  it('a held ticket can be neither worked nor bumped', async () => {
    const work = () => mutators.setKitchenItemStatus(tx, { kitchenOrderId: 'o1.v1.cold-1.c2', itemId: 'l2', status: 'in_progress', at: 3_000 });
    expect(await refusal(tx, work)).toEqual({ code: 'illegal_transition', changed: false });
    await expect(work()).rejects.toThrow(/fire its course first/);
    expect(await refusal(tx, () => mutators.bumpKitchenOrder(tx, { kitchenOrderId: 'o1.v1.cold-1.c2', at: 3_000 }))).toEqual({
      code: 'illegal_transition',
      changed: false,
    });
  });

  it('held courses keep the order open when course 1 is bumped', async () => {
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: 'o1.v1.grill-1', at: 3_000 });
    expect((await order()).status).toBe('in_preparation');
  });
});

describe('fireCourse', () => {
  it('fires every held ticket of the course: queued, aging from now, loading its station', async () => {
    const events = await fire(2);
    expect(await ticket('o1.v1.grill-1.c2')).toMatchObject({ status: 'queued', firedAt: 9_000 });
    expect(await ticket('o1.v1.cold-1.c2')).toMatchObject({ status: 'queued', firedAt: 9_000 });
    expect((await station('cold-1')).openTickets).toBe(1);
    expect(events.at(-1)).toEqual({ type: 'course.fired', orderId: 'o1', course: 2, kitchenOrderIds: ['o1.v1.cold-1.c2', 'o1.v1.grill-1.c2'] });
    expect(events.filter((e) => e.type === 'kitchen_order.status_changed').map((e) => 'to' in e && e.to)).toEqual(['queued', 'queued']);
  });

  it('the order is ready once the fired course is bumped too', async () => {
    await fire(2);
    for (const id of ['o1.v1.grill-1', 'o1.v1.grill-1.c2', 'o1.v1.cold-1.c2']) await mutators.bumpKitchenOrder(tx, { kitchenOrderId: id, at: 10_000 });
    expect((await order()).status).toBe('ready');
  });

  it('a course with nothing held is refused and changes nothing: fired twice, course 1, or absent', async () => {
    await fire(2);
    for (const course of [2, 1, 3]) expect(await refusal(tx, () => fire(course))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('an unknown order is not_found and a course out of 1–9 is invalid_args', async () => {
    expect(await refusal(tx, () => mutators.fireCourse(tx, { orderId: 'nope', course: 2, at: 1 }))).toEqual({ code: 'not_found', changed: false });
    expect(await refusal(tx, () => fire(10))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('cancelling the order voids held tickets too, saying why', async () => {
    await mutators.cancelOrder(tx, { orderId: 'o1', reason: 'guests left', at: 4_000 });
    expect(await ticket('o1.v1.grill-1.c2')).toMatchObject({
      status: 'cancelled',
      closedBy: { kind: 'order_cancelled', reason: 'guests left', at: 4_000 },
    });
  });

  it('marking the order ready by hand fires and finishes held courses, marked as the manager did it', async () => {
    await mutators.setKitchenItemStatus(tx, { kitchenOrderId: 'o1.v1.grill-1', itemId: 'l1', status: 'in_progress', at: 3_000 });
    await mutators.setOrderStatus(tx, { orderId: 'o1', status: 'ready', at: 5_000 });
    for (const id of ['o1.v1.grill-1', 'o1.v1.grill-1.c2', 'o1.v1.cold-1.c2']) {
      expect(await ticket(id)).toMatchObject({ status: 'ready', closedBy: { kind: 'marked_ready', at: 5_000 } });
    }
    expect((await station('grill-1')).openTickets).toBe(0);
  });

  it('a re-issued contract keeps a fired course fired and a held one held', async () => {
    await fire(2);
    await mutators.upsertProduct(tx, { id: 'salad', name: 'Garden salad', priceCents: 900, stationType: 'cold', prepSeconds: 180, recipeSteps: ['Toss'] });
    await mutators.reissueContract(tx, { orderId: 'o1', at: 9_500 });
    expect(await ticket('o1.v2.cold-1.c2')).toMatchObject({ status: 'queued', firedAt: 9_000 });
    expect(await ticket('o1.v1.cold-1.c2')).toMatchObject({ status: 'cancelled', closedBy: { kind: 'contract_reissued', at: 9_500 } });
    expect(await read(tx, kitchenOrderKey('o1.v2.grill-1'))).toMatchObject({ firedAt: 2_000 });
  });
});
