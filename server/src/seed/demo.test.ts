import { describe, expect, it } from 'vitest';
import { migratedMemoryDatabase } from '../db/memory-database.ts';
import { readTenantSettings } from '../db/tenant-settings-queries.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { demoPhone, seedDemoIfEmpty } from './demo.ts';

describe('the demo restaurant', () => {
  it('is seeded once, with a phone the customer tracker can show', async () => {
    const db = await migratedMemoryDatabase();
    const engine = new SyncEngine(db);
    const demo = await seedDemoIfEmpty(engine);
    expect(await readTenantSettings(db, demo?.tenant.id ?? '')).toEqual({ name: 'Demo Bistro', phone: demoPhone });
    expect(await seedDemoIfEmpty(engine)).toBeUndefined();
    await db.close();
  });
});
