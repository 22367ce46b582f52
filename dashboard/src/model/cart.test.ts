import { demoProducts, type Product } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { addProduct, buildCreateOrder, cartTotals, parseModifiers, parseQuantity, removeLine, updateLine, type CartLine } from './cart.ts';

const products = new Map<string, Product>(
  demoProducts.map((p) => [
    p.id,
    { category: 'Other', allergens: [], ingredients: [], recipeSteps: [], active: true, recipeVersion: 1, ...p } as Product,
  ]),
);
let n = 0;
const key = () => `k${++n}`;
const customer = { name: 'Ada', phone: '', email: '' };

describe('cart', () => {
  it('tapping a product twice makes one line of two; a line with modifiers is kept apart', () => {
    let lines: CartLine[] = addProduct([], 'burger', key);
    lines = addProduct(lines, 'burger', key);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.quantity).toBe(2);
    lines = updateLine(lines, lines[0]?.key ?? '', { modifiers: 'no onions' });
    lines = addProduct(lines, 'burger', key);
    expect(lines.map((l) => [l.quantity, l.modifiers])).toEqual([[2, 'no onions'], [1, '']]);
    expect(removeLine(lines, lines[1]?.key ?? '')).toHaveLength(1);
  });

  it('totals follow the menu prices and the quantities as typed', () => {
    const lines = [
      { key: 'a', productId: 'burger', quantity: 2, modifiers: '', notes: '' },
      { key: 'b', productId: 'fries', quantity: parseQuantity('3'), modifiers: '', notes: '' },
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
        lines: [{ key: 'l1', productId: 'burger', quantity: 1, modifiers: 'rare', notes: ' ' }],
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
    const empty = buildCreateOrder({ id: 'o1', channel: 'dine_in', customer: { ...customer, name: '' }, lines: [], at: 1 }, products);
    expect(empty).toEqual({ ok: false, problems: ['Add at least one item.', 'Enter the customer’s name.'] });
    const zero = buildCreateOrder(
      { id: 'o1', channel: 'dine_in', customer, lines: [{ key: 'l', productId: 'fries', quantity: 0, modifiers: '', notes: '' }], at: 1 },
      products,
    );
    expect(zero.ok).toBe(false);
  });

  it('a bad email is caught by the mutator schema before anything is sent', () => {
    const result = buildCreateOrder(
      { id: 'o1', channel: 'online', customer: { ...customer, email: 'not-an-email' }, lines: [{ key: 'l', productId: 'fries', quantity: 1, modifiers: '', notes: '' }], at: 1 },
      products,
    );
    expect(result).toEqual({ ok: false, problems: ['The email address is not valid.'] });
  });
});
