import { createTenant, databaseStats, issueToken, listTenants, listTokens, revokeToken, staffRoles, tenantExists, type StaffRole } from './admin/tenancy.ts';
import { assertDataDirFree } from './db/data-dir-lock.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { loadEnv } from './env.ts';
import { collectGarbage } from './sync/gc.ts';

type Command = { usage: string; run: (db: Database, args: string[]) => Promise<unknown> };

const out = (value: unknown) => process.stdout.write(`${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}\n`);

function need(args: string[], count: number, usage: string): string[] {
  if (args.length < count) throw new UsageError(usage);
  return args;
}

class UsageError extends Error {}

const issueTokenUsage = `issue-token <tenantId> <${staffRoles.join('|')}> [label]`;

/** `pnpm admin <command>`: the same operations as the admin API, straight on the database. */
const commands: Record<string, Command> = {
  migrate: { usage: 'migrate', run: async (db) => ({ applied: await migrate(db) }) },
  'create-tenant': {
    usage: 'create-tenant <name>',
    run: async (db, args) => createTenant(db, need(args, 1, 'create-tenant <name>').join(' ')),
  },
  tenants: { usage: 'tenants', run: async (db) => listTenants(db) },
  'issue-token': {
    usage: issueTokenUsage,
    run: async (db, args) => {
      const [tenantId, role, ...label] = need(args, 2, issueTokenUsage);
      if (!staffRoles.includes(role as StaffRole)) throw new UsageError(issueTokenUsage);
      if (!(await tenantExists(db, tenantId as string))) throw new Error(`no tenant ${tenantId}`);
      return issueToken(db, tenantId as string, role as StaffRole, label.join(' '));
    },
  },
  tokens: {
    usage: 'tokens <tenantId>',
    run: async (db, args) => listTokens(db, need(args, 1, 'tokens <tenantId>')[0] as string),
  },
  'revoke-token': {
    usage: 'revoke-token <tokenId>',
    run: async (db, args) => {
      const [id] = need(args, 1, 'revoke-token <tokenId>');
      if (!(await revokeToken(db, id as string))) throw new Error(`no active token ${id}`);
      return { revoked: id };
    },
  },
  stats: { usage: 'stats', run: async (db) => databaseStats(db) },
  gc: { usage: 'gc', run: async (db) => collectGarbage(db) },
};

function help(): string {
  return `usage: pnpm admin <command>\n${Object.values(commands).map((c) => `  ${c.usage}`).join('\n')}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    out(help());
    return name ? 2 : 0;
  }
  const env = loadEnv();
  if (!env.DATABASE_URL) assertDataDirFree(env.DATA_DIR);
  const db = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
  try {
    if (name !== 'migrate') await migrate(db);
    out(await command.run(db, args));
    return 0;
  } catch (err) {
    process.stderr.write(`${err instanceof UsageError ? `usage: pnpm admin ${err.message}` : (err as Error).message}\n`);
    return err instanceof UsageError ? 2 : 1;
  } finally {
    await db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
