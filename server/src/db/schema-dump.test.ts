import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migratedMemoryDatabase } from './memory-database.ts';
import { dumpSchema, schemaFile } from './schema-dump.ts';

describe('schema.sql', () => {
  it('is the schema the migrations leave (regenerate it with `pnpm --filter @kitchensync/server schema`)', async () => {
    const db = await migratedMemoryDatabase();
    try {
      const dumped = await dumpSchema(db);
      expect(dumped).toContain('CREATE OR REPLACE FUNCTION public.ks_move_heads');
      expect(readFileSync(schemaFile, 'utf8')).toBe(dumped);
    } finally {
      await db.close();
    }
  });
});
