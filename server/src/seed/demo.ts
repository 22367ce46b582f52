import type { UpsertProductArgs, UpsertStationArgs } from '@kitchensync/shared';
import { createTenant, issueToken, listTenants, type IssuedToken, type Tenant } from '../admin/tenancy.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import { writeTenantSettings } from '../db/tenant-settings-queries.ts';

const option = (id: string, name: string, priceDeltaCents = 0) => ({ id, name, priceDeltaCents });
/** What a burger asks: how it is cooked (required), and what goes on it (priced, up to 3). */
const burgerGroups: UpsertProductArgs['modifierGroups'] = [
  { id: 'temperature', name: 'Temperature', min: 1, max: 1, options: [option('rare', 'Rare'), option('medium-rare', 'Medium rare'), option('medium', 'Medium'), option('well-done', 'Well done')] },
  { id: 'add-ons', name: 'Add-ons', min: 0, max: 3, options: [option('bacon', 'Bacon', 200), option('cheese', 'Extra cheese', 100), option('egg', 'Fried egg', 150), option('jalapenos', 'Jalapeños', 80)] },
];
const sauceGroup: UpsertProductArgs['modifierGroups'] = [
  { id: 'sauce', name: 'Sauce', min: 1, max: 1, options: [option('lemon-garlic', 'Lemon & garlic'), option('chimichurri', 'Chimichurri'), option('peri-peri', 'Peri-peri', 50)] },
];

/** Courses as the dashboard labels them: 1 starters, 2 mains (sides go with them), 3 desserts. */
const menu: UpsertProductArgs[] = [
  { id: 'classic-burger', name: 'Classic burger', priceCents: 1290, category: 'Mains', course: 2, modifierGroups: burgerGroups, stationType: 'grill', prepSeconds: 540,
    allergens: ['gluten', 'dairy'], ingredients: [{ name: 'beef patty', quantity: 1, unit: 'pc' }, { name: 'brioche bun', quantity: 1, unit: 'pc' }, { name: 'cheddar', quantity: 30, unit: 'g' }],
    recipeSteps: ['Grill patty 4 min a side', 'Melt cheddar', 'Toast bun', 'Assemble with pickles'] },
  { id: 'grilled-chicken', name: 'Grilled chicken', priceCents: 1450, category: 'Mains', course: 2, modifierGroups: sauceGroup, stationType: 'grill', prepSeconds: 720,
    allergens: [], ingredients: [{ name: 'chicken thigh', quantity: 220, unit: 'g' }, { name: 'lemon', quantity: 0.5, unit: 'pc' }],
    recipeSteps: ['Season', 'Grill 6 min a side', 'Rest 2 min', 'Slice and plate'] },
  { id: 'fries', name: 'Fries', priceCents: 450, category: 'Sides', course: 2, stationType: 'fry', prepSeconds: 240,
    allergens: [], ingredients: [{ name: 'potatoes', quantity: 200, unit: 'g' }], recipeSteps: ['Fry 3 min', 'Salt'] },
  { id: 'calamari', name: 'Fried calamari', priceCents: 950, category: 'Starters', stationType: 'fry', prepSeconds: 300,
    allergens: ['molluscs', 'gluten'], ingredients: [{ name: 'squid', quantity: 150, unit: 'g' }, { name: 'flour', quantity: 40, unit: 'g' }],
    recipeSteps: ['Dredge', 'Fry 2 min', 'Serve with aioli'] },
  { id: 'caesar-salad', name: 'Caesar salad', priceCents: 990, category: 'Starters', stationType: 'cold', prepSeconds: 240,
    allergens: ['eggs', 'fish', 'dairy', 'gluten'], ingredients: [{ name: 'romaine', quantity: 120, unit: 'g' }, { name: 'parmesan', quantity: 20, unit: 'g' }],
    recipeSteps: ['Chop romaine', 'Dress', 'Top with croutons and parmesan'] },
  { id: 'tiramisu', name: 'Tiramisu', priceCents: 750, category: 'Desserts', course: 3, stationType: 'cold', prepSeconds: 120,
    allergens: ['eggs', 'dairy', 'gluten'], ingredients: [{ name: 'tiramisu portion', quantity: 1, unit: 'pc' }], recipeSteps: ['Plate', 'Dust with cocoa'] },
];

/** Aging thresholds follow the work: grill tickets take longer than the cold line's (fryer: defaults). */
const stations: UpsertStationArgs[] = [
  { id: 'grill-1', name: 'Grill 1', type: 'grill', capacity: 6, warnMinutes: 8, lateMinutes: 15 },
  { id: 'grill-2', name: 'Grill 2', type: 'grill', capacity: 4, warnMinutes: 8, lateMinutes: 15 },
  { id: 'fryer', name: 'Fryer', type: 'fry', capacity: 6 },
  { id: 'cold-line', name: 'Cold line', type: 'cold', capacity: 4, warnMinutes: 4, lateMinutes: 8 },
];

/** The demo restaurant's number (a UK drama number: never a real line). */
export const demoPhone = '+44 20 7946 0123';

export interface DemoTenant {
  tenant: Tenant;
  manager: IssuedToken;
  kitchen: IssuedToken;
}

/** On an empty database: a demo restaurant with a small menu, stations and two tokens. */
export async function seedDemoIfEmpty(engine: SyncEngine): Promise<DemoTenant | undefined> {
  const { db } = engine;
  if ((await listTenants(db)).length > 0) return undefined;
  const tenant = await createTenant(db, 'Demo Bistro');
  // A phone, so the customer tracker of a late or cancelled order says whom to call.
  await writeTenantSettings(db, tenant.id, { phone: demoPhone });
  const principal = { tokenId: 'system', role: 'manager' as const, tenantId: tenant.id };
  await engine.write(tenant.id, async (write) => {
    for (const p of menu) await write.apply('upsertProduct', p, { source: 'rest', principal });
    for (const s of stations) await write.apply('upsertStation', s, { source: 'rest', principal });
  });
  return {
    tenant,
    manager: await issueToken(db, tenant.id, 'manager', 'demo manager'),
    kitchen: await issueToken(db, tenant.id, 'kitchen', 'demo kitchen'),
  };
}
