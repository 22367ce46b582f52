import type { UpsertProductArgs, UpsertStationArgs } from '../schema.ts';

/** A small menu and kitchen used across tests. */
export const demoProducts: UpsertProductArgs[] = [
  {
    id: 'burger',
    name: 'Burger',
    priceCents: 1250,
    category: 'Mains',
    stationType: 'grill',
    prepSeconds: 480,
    allergens: ['gluten', 'dairy'],
    ingredients: [
      { name: 'beef patty', quantity: 1, unit: 'pc' },
      { name: 'bun', quantity: 1, unit: 'pc' },
    ],
    recipeSteps: ['Grill patty', 'Toast bun', 'Assemble'],
  },
  {
    id: 'fries',
    name: 'Fries',
    priceCents: 450,
    category: 'Sides',
    stationType: 'fry',
    prepSeconds: 240,
    ingredients: [{ name: 'potatoes', quantity: 200, unit: 'g' }],
    recipeSteps: ['Fry', 'Salt'],
  },
  {
    id: 'salad',
    name: 'Garden salad',
    priceCents: 900,
    category: 'Mains',
    stationType: 'cold',
    prepSeconds: 180,
    allergens: ['nuts'],
    ingredients: [{ name: 'lettuce', quantity: 80, unit: 'g' }],
    recipeSteps: ['Toss', 'Dress'],
  },
];

export const demoStations: UpsertStationArgs[] = [
  { id: 'grill-1', name: 'Grill 1', type: 'grill', capacity: 4 },
  { id: 'grill-2', name: 'Grill 2', type: 'grill', capacity: 2 },
  { id: 'fry-1', name: 'Fryer', type: 'fry', capacity: 3 },
  { id: 'cold-1', name: 'Cold line', type: 'cold', capacity: 2 },
];
