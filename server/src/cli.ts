import { createTenant, databaseStats, issueToken, listTenants, listTokens, revokeToken, staffRoles, tenantExists, type StaffRole } from './admin/tenancy.ts';
import { writeFileSync } from 'node:fs';
import { exportTenant } from './admin/tenant-export.ts';
import { deleteTenant, renameTenant } from './admin/tenant-lifecycle.ts';
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

const renameUsage = 'rename-tenant <tenantId> <new name>';
const deleteUsage = 'delete-tenant <tenantId> <its current name, as confirmation>';
const exportUsage = 'export-tenant <tenantId> [file]';

async function tenantName(db: Database, tenantId: string): Promise<string> {
  const tenant = (await listTenants(db)).find((t) => t.id === tenantId);
  if (!tenant) throw new Error(`no tenant ${tenantId}`);
  return tenant.name;
}

const issueTokenUsage = `issue-token <tenantId> <${staffRoles.join('|')}> [label]`;

/** `pnpm admin <command>`: the same operations as the admin API, straight on the database. */
const commands: Record<string, Command> = {
  migrate: { usage: 'migrate', run: async (db) => ({ applied: await migrate(db) }) },
  'create-tenant': {
    usage: 'create-tenant <name>',
    run: async (db, args) => createTenant(db, need(args, 1, 'create-tenant <name>').join(' ')),
  },
  tenants: { usage: 'tenants', run: async (db) => listTenants(db) },
  'rename-tenant': {
    usage: renameUsage,
    run: async (db, args) => {
      const [tenantId, ...name] = need(args, 2, renameUsage);
      const tenant = await renameTenant(db, tenantId as string, name.join(' '));
      if (!tenant) throw new Error(`no tenant ${tenantId}`);
      return tenant;
    },
  },
  'delete-tenant': {
    usage: deleteUsage,
    run: async (db, args) => {
      const [tenantId, ...confirmation] = need(args, 2, deleteUsage);
      const name = await tenantName(db, tenantId as string);
      // Deleting cannot be undone: the operator names what goes, as on the admin page.
      if (confirmation.join(' ') !== name) throw new Error(`not deleted: ${tenantId} is named "${name}"; give that name to confirm`);
      return { deleted: tenantId, name, rows: await deleteTenant(db, tenantId as string) };
    },
  },
  'export-tenant': {
    usage: exportUsage,
    run: async (db, args) => {
      const [tenantId, file] = need(args, 1, exportUsage);
      const archive = await exportTenant(db, tenantId as string);
      if (!archive) throw new Error(`no tenant ${tenantId}`);
      if (!file) return archive;
      writeFileSync(file, JSON.stringify(archive));
      return { exported: tenantId, file, orders: archive.orders.length, events: archive.events.length };
    },
  },
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
