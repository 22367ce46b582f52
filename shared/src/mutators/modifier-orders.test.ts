import { beforeEach, describe, expect, it } from 'vitest';
import { contractKey, kitchenOrderKey, orderKey, productKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import { layoutPrintDoc } from '../print/layout.ts';
import { ticketDoc } from '../print/print-doc.ts';
import type { CreateOrderArgs, KitchenOrder, Order, Product, ProductionContract } from '../schema.ts';
import { demoModifierProducts, demoProducts } from '../testing/fixtures.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { refusal, seedKitchen } from '../testing/scenario.ts';
import { list, readOrFail } from '../tx.ts';

let tx: MemoryTx;
beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx, [...demoProducts, ...demoModifierProducts]);
});

const order = (id: string) => readOrFail<Order>(tx, orderKey(id), id);
const ribeyeLine = (choices: CreateOrderArgs['items'][number]['choices'], quantity = 1) => ({ id: 'l1', productId: 'ribeye', quantity, ...(choices ? { choices } : {}) });
const args = (items: CreateOrderArgs['items']): CreateOrderArgs => ({ id: 'o1', channel: 'dine_in', customer: { name: 'Ada' }, items, at: 1_000 });
const mediumRare = { groupId: 'temp', optionId: 'medium-rare' };

describe('orders with modifier groups', () => {
  it('a line carries its chosen options, priced into its unit price and total, in the course its product belongs to', async () => {
    await mutators.createOrder(tx, args([ribeyeLine([mediumRare, { groupId: 'addons', optionId: 'bacon' }], 2), { id: 'l2', productId: 'fries', quantity: 1 }]));
    const o = await order('o1');
    expect(o.lines[0]).toMatchObject({
      unitPriceCents: 2890 + 200,
      lineTotalCents: 2 * 3090,
      course: 2,
      modifiers: [],
      options: [
        { groupId: 'temp', group: 'Temperature', optionId: 'medium-rare', name: 'Medium rare', priceDeltaCents: 0 },
        { groupId: 'addons', group: 'Add-ons', optionId: 'bacon', name: 'Bacon', priceDeltaCents: 200 },
      ],
    });
    // A product without a course of its own stays in course 1; a line naming its course keeps it.
    expect(o.lines[1]?.course).toBeUndefined();
    expect(o.totalCents).toBe(2 * 3090 + 450);
  });

  it('the contract and the kitchen ticket show the chosen options under their line, and the ticket prints them', async () => {
    await mutators.createOrder(tx, args([{ ...ribeyeLine([mediumRare]), course: 1, modifiers: ['sauce on the side'] }]));
    await mutators.confirmOrder(tx, { orderId: 'o1', at: 2_000 });
    const contract = await readOrFail<ProductionContract>(tx, contractKey('o1.v1'), 'contract');
    expect(contract.groups[0]?.items[0]).toMatchObject({ modifiers: ['sauce on the side'], options: [{ optionId: 'medium-rare', name: 'Medium rare' }] });
    const [ticket] = await list<KitchenOrder>(tx, kitchenOrderKey(''));
    expect(ticket?.items[0]).toMatchObject({ modifiers: ['sauce on the side'], options: [{ groupId: 'temp', name: 'Medium rare' }] });
    const paper = layoutPrintDoc(ticketDoc(await order('o1'), ticket as KitchenOrder, 'Grill 1', 'ticket', 2_000), { columns: 32 }).map((l) => l.text);
    expect(paper).toEqual(expect.arrayContaining(['1 x Ribeye', '  + Medium rare', '  + sauce on the side']));
  });

  it('a line leaving a required group unanswered is refused with the group named, and nothing is written', async () => {
    const refused = await refusal(tx, () => mutators.createOrder(tx, args([ribeyeLine([{ groupId: 'addons', optionId: 'cheese' }])])));
    expect(refused).toEqual({ code: 'modifier_required', changed: false });
    await expect(mutators.createOrder(tx, args([ribeyeLine(undefined)]))).rejects.toMatchObject({
      code: 'modifier_required',
      message: 'Ribeye: Temperature — choose exactly 1',
      details: { productId: 'ribeye', groupId: 'temp', group: 'Temperature', min: 1, max: 1, chosen: 0 },
    });
  });

  it("an 86'd option refuses new lines choosing it, and the confirm of an order that chose it before", async () => {
    await mutators.createOrder(tx, args([ribeyeLine([{ groupId: 'temp', optionId: 'rare' }])]));
    const events = await mutators.setModifierOptionSoldOut(tx, { productId: 'ribeye', groupId: 'temp', optionId: 'rare', soldOut: true, at: 1_500 });
    expect(events).toEqual([{ type: 'product.option_sold_out_changed', productId: 'ribeye', groupId: 'temp', optionId: 'rare', soldOut: true }]);
    const product = await readOrFail<Product>(tx, productKey('ribeye'), 'ribeye');
    expect(product.modifierGroups?.[0]?.options.map((o) => o.soldOut ?? false)).toEqual([true, false, false, false]);
    expect(product.soldOut).toBeUndefined();

    expect(await refusal(tx, () => mutators.createOrder(tx, { ...args([ribeyeLine([{ groupId: 'temp', optionId: 'rare' }])]), id: 'o2' }))).toEqual({ code: 'sold_out', changed: false });
    expect(await refusal(tx, () => mutators.confirmOrder(tx, { orderId: 'o1', at: 2_000 }))).toEqual({ code: 'sold_out', changed: false });
    await mutators.createOrder(tx, { ...args([ribeyeLine([{ groupId: 'temp', optionId: 'well-done' }])]), id: 'o3' });
    await mutators.setModifierOptionSoldOut(tx, { productId: 'ribeye', groupId: 'temp', optionId: 'rare', soldOut: false, at: 2_500 });
    await mutators.confirmOrder(tx, { orderId: 'o1', at: 3_000 });
    expect((await order('o1')).status).toBe('confirmed');
    expect(await refusal(tx, () => mutators.setModifierOptionSoldOut(tx, { productId: 'ribeye', groupId: 'temp', optionId: 'blue', soldOut: true, at: 1 }))).toEqual({ code: 'not_found', changed: false });
  });

  it('an older client sending free-text modifiers only keeps working for products without required groups', async () => {
    await mutators.createOrder(tx, args([{ id: 'l1', productId: 'burger', quantity: 1, modifiers: ['no onions', 'extra pickles'] }]));
    await mutators.confirmOrder(tx, { orderId: 'o1', at: 2_000 });
    const o = await order('o1');
    expect(o.lines[0]).toMatchObject({ modifiers: ['no onions', 'extra pickles'], unitPriceCents: 1250 });
    expect(o.lines[0]?.options).toBeUndefined();
    const [ticket] = await list<KitchenOrder>(tx, kitchenOrderKey(''));
    expect(ticket?.items[0]?.modifiers).toEqual(['no onions', 'extra pickles']);
    expect(ticket?.items[0]?.options).toBeUndefined();
  });
});
