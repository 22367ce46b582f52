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

const option = (id: string, name: string, priceDeltaCents = 0) => ({ id, name, priceDeltaCents });

/** A product that asks "how would you like it?": temperature required, add-ons optional (not in demoProducts, whose orders name no choices). */
export const demoModifierProducts: UpsertProductArgs[] = [
  {
    id: 'ribeye',
    name: 'Ribeye',
    priceCents: 2890,
    category: 'Mains',
    course: 2,
    stationType: 'grill',
    prepSeconds: 720,
    allergens: [],
    ingredients: [{ name: 'ribeye steak', quantity: 300, unit: 'g' }],
    recipeSteps: ['Season', 'Sear', 'Rest 5 min'],
    modifierGroups: [
      {
        id: 'temp',
        name: 'Temperature',
        min: 1,
        max: 1,
        options: [option('rare', 'Rare'), option('medium-rare', 'Medium rare'), option('medium', 'Medium'), option('well-done', 'Well done')],
      },
      {
        id: 'addons',
        name: 'Add-ons',
        min: 0,
        max: 3,
        options: [option('bacon', 'Bacon', 200), option('cheese', 'Cheese', 100), option('egg', 'Fried egg', 150), option('mushrooms', 'Mushrooms', 120)],
      },
    ],
  },
];
