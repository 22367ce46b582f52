// `pnpm --filter @kitchensync/server schema`: writes schema.sql, the schema the migrations leave.
import { writeFileSync } from 'node:fs';
import { migratedMemoryDatabase } from './memory-database.ts';
import { dumpSchema, schemaFile } from './schema-dump.ts';

const db = await migratedMemoryDatabase();
try {
  writeFileSync(schemaFile, await dumpSchema(db));
} finally {
  await db.close();
}
