import { clientSchemaVersion, minClientSchemaVersion, release } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { mutation, productArgs, pull, pullBody, push, pushBody, uniqueId } from '../support/sync-protocol.ts';

/** Issue 23, point 1: the server says which clients it serves, and refuses the others without a change. */
describe.each(backends)('the versioning contract at the sync endpoints (%s)', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;
  beforeAll(async () => {
    server = await startServer({ backend });
    tenant = await createTenant(server);
  });
  afterAll(async () => server?.stop());

  const products = async () => Number((await server.running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM products')).rows[0]?.n);

  it('GET /api/health reports the release and the oldest client schema served', async () => {
    const health = await api(server, undefined, 'GET', '/api/health');
    expect(health.body).toMatchObject({ status: 'ok', version: release, minClientSchemaVersion });
  });

  it('a schemaVersion below the minimum, or newer than this server, gets VersionNotSupported and changes nothing', async () => {
    const before = await products();
    for (const schemaVersion of [String(minClientSchemaVersion - 1), String(clientSchemaVersion + 1), 'legacy']) {
      const group = uniqueId('old-terminal');
      const pushed = await push(server, tenant.managerToken, pushBody(group, [mutation(`${group}-c`, 1, 'upsertProduct', productArgs(uniqueId('p')))], { schemaVersion }));
      expect(pushed, schemaVersion).toMatchObject({ status: 200, body: { error: 'VersionNotSupported', versionType: 'schema' } });
      const pulled = await pull(server, tenant.managerToken, pullBody(group, null, { schemaVersion }));
      expect(pulled, schemaVersion).toMatchObject({ status: 200, body: { error: 'VersionNotSupported', versionType: 'schema' } });
    }
    expect(await products()).toBe(before);
  });

  it('every schema from the minimum to the current one is served', async () => {
    for (let v = minClientSchemaVersion; v <= clientSchemaVersion; v += 1) {
      const group = uniqueId('terminal');
      const pushed = await push(server, tenant.managerToken, pushBody(group, [mutation(`${group}-c`, 1, 'upsertProduct', productArgs(uniqueId('p')))], { schemaVersion: String(v) }));
      expect(pushed).toMatchObject({ status: 200, body: {} });
      expect((await pull(server, tenant.managerToken, pullBody(group, null, { schemaVersion: String(v) }))).body.cookie).toBeDefined();
    }
  });
});
