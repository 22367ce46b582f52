import { demoModifierProducts, type Product } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { cartTotals, addProduct, buildCreateOrder, noService } from './cart.ts';
import { asksChoices, choicesOf, missingGroups, toggle, type Picks } from './choices.ts';

const ribeye = { category: 'Mains', active: true, recipeVersion: 1, ...demoModifierProducts[0] } as Product;
const [temp, addons] = ribeye.modifierGroups ?? [];
if (!temp || !addons) throw new Error('the ribeye fixture has two groups');

describe('choosing modifier options', () => {
  it('a one-choice group swaps; a many-choice group toggles and stops at its max', () => {
    let picks: Picks = new Map();
    picks = toggle(picks, temp, 'rare');
    picks = toggle(picks, temp, 'medium-rare');
    expect(picks.get('temp')).toEqual(['medium-rare']);
    for (const o of ['bacon', 'cheese', 'egg', 'mushrooms']) picks = toggle(picks, addons, o);
    expect(picks.get('addons')).toEqual(['bacon', 'cheese', 'egg']);
    picks = toggle(picks, addons, 'cheese');
    expect(picks.get('addons')).toEqual(['bacon', 'egg']);
  });

  it('a required group keeps the line from being added until it is answered', () => {
    expect(asksChoices(ribeye)).toBe(true);
    expect(missingGroups(ribeye, new Map()).map((g) => g.name)).toEqual(['Temperature']);
    expect(missingGroups(ribeye, toggle(new Map(), temp, 'rare'))).toEqual([]);
  });

  it('the cart prices options into the line, starts it in the product course and sends the choices', () => {
    const choices = choicesOf(toggle(toggle(new Map(), temp, 'medium-rare'), addons, 'bacon'));
    const lines = addProduct([], ribeye, () => 'l1', choices);
    const products = new Map([[ribeye.id, ribeye]]);
    const [line] = cartTotals(lines, products).lines;
    expect(line).toMatchObject({ course: 2, unitPriceCents: 2890 + 200, options: ['Medium rare', 'Bacon'] });
    const built = buildCreateOrder({ id: 'o1', channel: 'takeaway', customer: { name: 'Ada', phone: '', email: '' }, service: noService, lines, at: 1 }, products);
    expect(built.ok && built.args.items[0]).toMatchObject({ productId: 'ribeye', choices, quantity: 1 });
    expect(built.ok && built.args.items[0]?.course).toBeUndefined();
  });

  it("an option 86'd after it was picked stops the order with the mutator's reason", () => {
    const lines = addProduct([], ribeye, () => 'l1', [{ groupId: 'temp', optionId: 'rare' }]);
    const out: Product = { ...ribeye, modifierGroups: [{ ...temp, options: temp.options.map((o) => (o.id === 'rare' ? { ...o, soldOut: true } : o)) }, addons] };
    const built = buildCreateOrder({ id: 'o1', channel: 'takeaway', customer: { name: 'Ada', phone: '', email: '' }, service: noService, lines, at: 1 }, new Map([[ribeye.id, out]]));
    expect(built).toEqual({ ok: false, problems: ['sold out: Rare (Ribeye)'] });
  });
});
