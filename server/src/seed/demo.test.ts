import { choiceRule } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { migratedMemoryDatabase } from '../db/memory-database.ts';
import { listProducts } from '../db/catalog-queries.ts';
import { readTenantSettings } from '../db/tenant-settings-queries.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { demoPhone, seedDemoIfEmpty } from './demo.ts';

describe('the demo restaurant', () => {
  it('is seeded once, with a phone the customer tracker can show and a burger that asks how it is cooked', async () => {
    const db = await migratedMemoryDatabase();
    const engine = new SyncEngine(db);
    const demo = await seedDemoIfEmpty(engine);
    expect(await readTenantSettings(db, demo?.tenant.id ?? '')).toEqual({ name: 'Demo Bistro', phone: demoPhone });
    expect(await seedDemoIfEmpty(engine)).toBeUndefined();
    const burger = (await listProducts(db, demo?.tenant.id ?? '', {})).find((p) => p.id === 'classic-burger');
    expect(burger?.course).toBe(2);
    expect(burger?.modifierGroups?.map((g) => `${g.name} (${choiceRule(g)})`)).toEqual(['Temperature (choose exactly 1)', 'Add-ons (up to 3)']);
    await db.close();
  });
});
