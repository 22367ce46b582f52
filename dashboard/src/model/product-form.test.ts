import type { Product } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { changesRecipe, emptyProductForm, formToArgs, productToForm } from './product-form.ts';

const tea: Product = {
  id: 'tea', name: 'Tea', priceCents: 350, category: 'Drinks', stationType: 'bar', prepSeconds: 90, allergens: ['milk'],
  ingredients: [{ name: 'leaves', quantity: 3, unit: 'g' }], recipeSteps: ['Steep'], recipeVersion: 2, active: true,
};

describe('product form', () => {
  it('a product survives a round trip through the form', () => {
    const result = formToArgs(productToForm(tea));
    expect(result).toEqual({ ok: true, args: { ...tea, recipeVersion: undefined, course: 1 } });
  });

  it('blank ingredient rows are dropped, half-filled ones are explained', () => {
    const form = { ...emptyProductForm('p1', 'grill'), name: 'Steak', price: '20', ingredients: [{ name: '', quantity: '', unit: '' }] };
    expect(formToArgs(form)).toMatchObject({ ok: true, args: { ingredients: [], category: 'Other', prepSeconds: 300 } });
    const bad = { ...form, ingredients: [{ name: 'beef', quantity: '0', unit: 'g' }] };
    expect(formToArgs(bad)).toEqual({ ok: false, problems: ['Each ingredient needs a name and a quantity above 0.'] });
  });

  it('the mutator schema has the last word (station types are lower_snake_case)', () => {
    const form = { ...emptyProductForm('p1', 'Hot Line'), name: 'Soup', price: '5' };
    const result = formToArgs(form);
    expect(result.ok).toBe(false);
  });

  it('a recipe change is a change of steps or ingredients, not of price', () => {
    const args = (patch: Partial<Product>) => ({ ...tea, ...patch });
    expect(changesRecipe(tea, args({ priceCents: 400 }))).toBe(false);
    expect(changesRecipe(tea, args({ recipeSteps: ['Steep', 'Add milk'] }))).toBe(true);
    expect(changesRecipe(tea, args({ ingredients: [] }))).toBe(true);
    expect(changesRecipe(undefined, args({}))).toBe(false);
    // A product read back from Postgres jsonb has its ingredients' keys reordered: still the same recipe.
    const stored = { ...tea, ingredients: tea.ingredients.map((i) => ({ unit: i.unit, quantity: i.quantity, name: i.name })) };
    expect(changesRecipe(stored, args({ priceCents: 400 }))).toBe(false);
  });
});
