import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'ks-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function admin(...args: string[]) {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, out: stdout, err: '' };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout, err: err.stderr };
  }
}

describe('admin CLI', () => {
  it('creates a tenant, issues, lists and revokes tokens on the embedded database', async () => {
    const tenant = JSON.parse((await admin('create-tenant', 'Chez', 'CLI')).out) as { id: string; name: string };
    expect(tenant.name).toBe('Chez CLI');
    const token = JSON.parse((await admin('issue-token', tenant.id, 'kitchen', 'pass')).out) as { id: string; token: string };
    expect(token.token).toMatch(/^ks_kitchen_/);
    const hub = JSON.parse((await admin('issue-token', tenant.id, 'hub', 'back office')).out) as { id: string; token: string; role: string };
    expect(hub).toMatchObject({ role: 'hub', token: expect.stringMatching(/^ks_hub_/) });
    const listed = JSON.parse((await admin('tokens', tenant.id)).out) as { id: string; revokedAt: string | null }[];
    expect(listed).toEqual([expect.objectContaining({ id: token.id, revokedAt: null }), expect.objectContaining({ id: hub.id, role: 'hub' })]);
    expect(JSON.stringify(listed)).not.toContain(token.token);
    expect((await admin('revoke-token', token.id)).code).toBe(0);
    expect((await admin('revoke-token', token.id)).code).toBe(1);
    const stats = JSON.parse((await admin('stats')).out) as Record<string, number>;
    expect(stats.tenants).toBe(1);
  }, 180_000);

  it('renames, exports and deletes a tenant, deleting only when given its current name', async () => {
    const tenant = JSON.parse((await admin('create-tenant', 'Old', 'Name')).out) as { id: string };
    expect(JSON.parse((await admin('rename-tenant', tenant.id, 'New', 'Name')).out)).toEqual({ id: tenant.id, name: 'New Name' });
    const file = join(dataDir, 'export.json');
    expect(JSON.parse((await admin('export-tenant', tenant.id, file)).out)).toMatchObject({ exported: tenant.id, orders: 0 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'kitchensync-tenant-export', tenant: { id: tenant.id, name: 'New Name' } });
    const refused = await admin('delete-tenant', tenant.id, 'Old', 'Name');
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('named "New Name"') });
    expect(JSON.parse((await admin('delete-tenant', tenant.id, 'New', 'Name')).out)).toMatchObject({ deleted: tenant.id, rows: { tenant_settings: 0 } });
    expect((await admin('tenants')).out).not.toContain(tenant.id);
    expect((await admin('export-tenant', tenant.id)).code).toBe(1);
  }, 180_000);

  it('explains its usage and refuses bad arguments', async () => {
    expect((await admin()).out).toContain('usage: pnpm admin <command>');
    const bad = await admin('issue-token', 'ten_x', 'waiter');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('manager|kitchen|hub');
  }, 180_000);

  it('will not open a PGlite directory a running server holds', async () => {
    writeFileSync(join(dataDir, 'server.pid'), String(process.pid === 1 ? 2 : 1));
    const refused = await admin('stats');
    rmSync(join(dataDir, 'server.pid'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is using/);
  }, 180_000);
});
