import { describe, expect, it } from 'vitest';
import { demoModifierProducts, type KitchenOrder, type Order, type Product } from '@kitchensync/shared';
import { backends } from '../support/server.ts';
import { menuTenantPerTest } from './support/menu-server.ts';

const ribeye = demoModifierProducts[0];

describe.each(backends)('modifier groups over REST (%s)', (backend) => {
  const { boot, m, k, as } = menuTenantPerTest(backend);
  const order = (items: unknown[]) => ({ channel: 'dine_in', customer: { name: 'Table 7' }, items });
  const orders = async () => (await m('GET', '/api/orders')).items as Order[];

  it('a product is created with its groups; a line answering them is priced with its options and its product’s course, and the ticket lists them', async () => {
    await boot();
    const product: Product = await m('POST', '/api/products', ribeye, 201);
    expect(product.modifierGroups?.map((g) => [g.name, g.min, g.max, g.options.length])).toEqual([['Temperature', 1, 1, 4], ['Add-ons', 0, 3, 4]]);
    const created: Order = await m('POST', '/api/orders', order([{ productId: 'ribeye', quantity: 3, choices: [{ groupId: 'temp', optionId: 'medium' }, { groupId: 'addons', optionId: 'cheese' }], modifiers: ['extra hot plate'] }]), 201);
    expect(created.lines[0]).toMatchObject({ unitPriceCents: 2990, lineTotalCents: 8970, course: 2, modifiers: ['extra hot plate'], options: [{ name: 'Medium' }, { name: 'Cheese', priceDeltaCents: 100 }] });
    expect(created.totalCents).toBe(8970);
    await m('PUT', `/api/orders/${created.id}/confirm`);
    const contract = await m('GET', `/api/orders/${created.id}/production-contract`);
    expect(contract.groups[0].items[0].options.map((o: { name: string }) => o.name)).toEqual(['Medium', 'Cheese']);
    const [ticket]: KitchenOrder[] = (await k('GET', `/api/kitchen/orders/by-order/${created.id}`)).items;
    expect(ticket?.items[0]?.options?.map((o) => `${o.group}: ${o.name}`)).toEqual(['Temperature: Medium', 'Add-ons: Cheese']);
  });

  it('a line missing a required choice is refused with 400 naming the group, and no order is made', async () => {
    await boot();
    await m('POST', '/api/products', ribeye, 201);
    const before = (await orders()).length;
    const missing = await as('manager', 'POST', '/api/orders', order([{ productId: 'fries', quantity: 1 }, { productId: 'ribeye', quantity: 1, modifiers: ['medium rare please'] }]));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({
      code: 'modifier_required',
      message: 'Ribeye: Temperature — choose exactly 1',
      details: { productId: 'ribeye', groupId: 'temp', group: 'Temperature', min: 1, max: 1, chosen: 0 },
    });
    const tooMany = await as('manager', 'POST', '/api/orders', order([{ productId: 'ribeye', quantity: 1, choices: [{ groupId: 'temp', optionId: 'rare' }, { groupId: 'temp', optionId: 'medium' }] }]));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ code: 'modifier_limit', details: { group: 'Temperature' } });
    const unknown = await as('manager', 'POST', '/api/orders', order([{ productId: 'ribeye', quantity: 1, choices: [{ groupId: 'temp', optionId: 'blue' }] }]));
    expect(unknown.status).toBe(422);
    expect((await orders()).length).toBe(before);
  });

  it("the kitchen 86es an option: a line choosing it is refused as sold out, the others still go; older free-text orders keep working", async () => {
    await boot();
    await m('POST', '/api/products', ribeye, 201);
    const path = '/api/products/ribeye/modifier-groups/temp/options/rare/sold-out';
    const out: Product = await k('PUT', path, { soldOut: true });
    expect(out.modifierGroups?.[0]?.options.find((o) => o.id === 'rare')?.soldOut).toBe(true);
    expect(out.soldOut).toBeUndefined();
    const refused = await as('manager', 'POST', '/api/orders', order([{ productId: 'ribeye', quantity: 1, choices: [{ groupId: 'temp', optionId: 'rare' }] }]));
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'sold_out', details: { productId: 'ribeye', optionIds: ['rare'] } });
    await m('POST', '/api/orders', order([{ productId: 'ribeye', quantity: 1, choices: [{ groupId: 'temp', optionId: 'well-done' }] }]), 201);
    expect((await as('kitchen', 'PUT', '/api/products/ribeye/modifier-groups/temp/options/blue/sold-out', { soldOut: true })).status).toBe(404);
    const plain: Order = await m('POST', '/api/orders', order([{ productId: 'burger', quantity: 1, modifiers: ['no onions'] }]), 201);
    expect(plain.lines[0]).toMatchObject({ modifiers: ['no onions'], unitPriceCents: 1250 });
    expect(plain.lines[0]?.options).toBeUndefined();
  });
});
