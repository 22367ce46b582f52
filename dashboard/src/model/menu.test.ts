import type { Product } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { knownStationTypes, menuByCategory } from './menu.ts';

const product = (id: string, category: string, active = true, stationType = 'grill'): Product => ({
  id, name: id, priceCents: 100, category, stationType, prepSeconds: 60, allergens: [], ingredients: [], recipeSteps: [], recipeVersion: 1, active,
});

describe('menu', () => {
  it('groups products by category, both sorted by name', () => {
    const menu = menuByCategory([product('tea', 'Drinks'), product('burger', 'Mains'), product('coffee', 'Drinks')]);
    expect(menu.map((c) => [c.name, c.products.map((p) => p.id)])).toEqual([
      ['Drinks', ['coffee', 'tea']],
      ['Mains', ['burger']],
    ]);
  });

  it('the order picker leaves out products taken off the menu', () => {
    const menu = menuByCategory([product('tea', 'Drinks', false), product('burger', 'Mains')], { activeOnly: true });
    expect(menu.map((c) => c.name)).toEqual(['Mains']);
  });

  it('station types come from the stations and the products, once each', () => {
    expect(knownStationTypes(['grill', 'fry'], [product('salad', 'Mains', true, 'cold'), product('b', 'Mains')])).toEqual(['cold', 'fry', 'grill']);
  });
});
