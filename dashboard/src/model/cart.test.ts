import { demoProducts, type Product } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { addProduct, buildCreateOrder, cartTotals, noService, parseModifiers, parseQuantity, removeLine, updateLine, type CartLine } from './cart.ts';

const products = new Map<string, Product>(
  demoProducts.map((p) => [
    p.id,
    { category: 'Other', allergens: [], ingredients: [], recipeSteps: [], active: true, recipeVersion: 1, ...p } as Product,
  ]),
);
const product = (id: string): Product => {
  const found = products.get(id);
  if (!found) throw new Error(`no product ${id}`);
  return found;
};
let n = 0;
const key = () => `k${++n}`;
const customer = { name: 'Ada', phone: '', email: '' };

describe('cart', () => {
  it('tapping a product twice makes one line of two; a line with modifiers is kept apart', () => {
    let lines: CartLine[] = addProduct([], product('burger'), key);
    lines = addProduct(lines, product('burger'), key);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.quantity).toBe(2);
    lines = updateLine(lines, lines[0]?.key ?? '', { modifiers: 'no onions' });
    lines = addProduct(lines, product('burger'), key);
    expect(lines.map((l) => [l.quantity, l.modifiers])).toEqual([[2, 'no onions'], [1, '']]);
    expect(removeLine(lines, lines[1]?.key ?? '')).toHaveLength(1);
  });

  it('totals follow the menu prices and the quantities as typed', () => {
    const lines = [
      { key: 'a', productId: 'burger', quantity: 2, modifiers: '', notes: '', course: 1, allergy: '', choices: [] },
      { key: 'b', productId: 'fries', quantity: parseQuantity('3'), modifiers: '', notes: '', course: 1, allergy: '', choices: [] },
    ];
    const totals = cartTotals(lines, products);
    expect(totals.itemCount).toBe(5);
    expect(totals.totalCents).toBe(2 * 1250 + 3 * 450);
    expect(totals.lines.map((l) => l.lineTotalCents)).toEqual([2500, 1350]);
  });

  it('a quantity that is not a whole positive number counts as zero', () => {
    expect(['', '0', '-2', '1.5', 'x'].map(parseQuantity)).toEqual([0, 0, 0, 0, 0]);
    expect(parseQuantity('12')).toBe(12);
  });

  it('modifiers are typed as a comma-separated list', () => {
    expect(parseModifiers(' no onions, extra cheese ,, ')).toEqual(['no onions', 'extra cheese']);
  });

  it('a complete draft becomes createOrder args with blank optional fields left out', () => {
    const result = buildCreateOrder(
      {
        id: 'o1',
        channel: 'takeaway',
        customer: { name: ' Ada ', phone: '555 0100', email: '' },
        service: noService,
        lines: [{ key: 'l1', productId: 'burger', quantity: 1, modifiers: 'rare', notes: ' ', course: 1, allergy: '', choices: [] }],
        at: 5,
      },
      products,
    );
    expect(result).toEqual({
      ok: true,
      args: {
        id: 'o1',
        channel: 'takeaway',
        customer: { name: 'Ada', phone: '555 0100' },
        items: [{ id: 'l1', productId: 'burger', quantity: 1, modifiers: ['rare'] }],
        at: 5,
      },
    });
  });

  it('an empty cart, a zero quantity or a missing name are explained', () => {
    const empty = buildCreateOrder({ id: 'o1', channel: 'dine_in', customer: { ...customer, name: '' }, service: noService, lines: [], at: 1 }, products);
    expect(empty).toEqual({ ok: false, problems: ['Add at least one item.', 'Enter the customer’s name.'] });
    const zero = buildCreateOrder(
      { id: 'o1', channel: 'dine_in', customer, service: noService, lines: [{ key: 'l', productId: 'fries', quantity: 0, modifiers: '', notes: '', course: 1, allergy: '', choices: [] }], at: 1 },
      products,
    );
    expect(zero.ok).toBe(false);
  });

  it('a bad email is caught by the mutator schema before anything is sent', () => {
    const result = buildCreateOrder(
      { id: 'o1', channel: 'online', customer: { ...customer, email: 'not-an-email' }, service: noService, lines: [{ key: 'l', productId: 'fries', quantity: 1, modifiers: '', notes: '', course: 1, allergy: '', choices: [] }], at: 1 },
      products,
    );
    expect(result).toEqual({ ok: false, problems: ['The email address is not valid.'] });
  });

  it('dine-in carries table and guests; allergies and courses go with the order and its lines', () => {
    const result = buildCreateOrder(
      {
        id: 'o2',
        channel: 'dine_in',
        customer,
        service: { table: ' 12 ', guests: '4', allergy: ' peanuts (severe) ' },
        lines: [
          { key: 'l1', productId: 'salad', quantity: 1, modifiers: '', notes: '', course: 1, allergy: '', choices: [] },
          { key: 'l2', productId: 'burger', quantity: 2, modifiers: '', notes: '', course: 2, allergy: 'SEVERE coeliac – change gloves', choices: [] },
        ],
        at: 5,
      },
      products,
    );
    expect(result).toMatchObject({
      ok: true,
      args: {
        table: '12',
        guests: 4,
        allergy: 'peanuts (severe)',
        items: [
          { id: 'l1', productId: 'salad', quantity: 1 },
          { id: 'l2', productId: 'burger', quantity: 2, course: 2, allergy: 'SEVERE coeliac – change gloves' },
        ],
      },
    });
    // A takeaway has no table: what was typed for dine-in is not sent.
    const takeaway = buildCreateOrder({ id: 'o3', channel: 'takeaway', customer, service: { table: '12', guests: '4', allergy: '' }, lines: [{ key: 'l', productId: 'fries', quantity: 1, modifiers: '', notes: '', course: 1, allergy: '', choices: [] }], at: 1 }, products);
    expect(takeaway.ok && 'table' in takeaway.args).toBe(false);
    const badGuests = buildCreateOrder({ id: 'o4', channel: 'dine_in', customer, service: { table: '', guests: '120', allergy: '' }, lines: [{ key: 'l', productId: 'fries', quantity: 1, modifiers: '', notes: '', course: 1, allergy: '', choices: [] }], at: 1 }, products);
    expect(badGuests).toEqual({ ok: false, problems: ['Guests must be a whole number from 1 to 99.'] });
  });

  it('a sold-out (86) product cannot be ordered and the line says so', () => {
    const soldOut = new Map(products);
    soldOut.set('fries', { ...(products.get('fries') as Product), soldOut: true });
    const lines = [{ key: 'l', productId: 'fries', quantity: 1, modifiers: '', notes: '', course: 1, allergy: '', choices: [] }];
    expect(cartTotals(lines, soldOut).lines[0]?.available).toBe(false);
    expect(buildCreateOrder({ id: 'o5', channel: 'takeaway', customer, service: noService, lines, at: 1 }, soldOut)).toEqual({
      ok: false,
      problems: ["Fries is sold out (86'd by the kitchen)."],
    });
  });
});
