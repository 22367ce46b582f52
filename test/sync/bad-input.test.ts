import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectGarbage } from '../../server/src/sync/gc.ts';
import type { UpdateNeededReason } from 'replicache';
import { rejectionRows, serverRecordOf } from '../support/kitchen-fixture.ts';
import { newClient, settle } from '../support/replicache-client.ts';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { mutation, productArgs, pull, pullBody, push, pushBody, putKeys, uniqueId } from '../support/sync-protocol.ts';

const defaultCap = 1000;
const defaultBodyLimit = 16 * 1024 * 1024;

describe.each(backends)('bad input to push and pull (%s)', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;
  beforeAll(async () => {
    server = await startServer({ backend });
    tenant = await createTenant(server);
  });
  afterAll(async () => server.stop());

  const productCount = async () =>
    Number((await server.running.db.query<{ n: number }>('SELECT count(*)::int AS n FROM products WHERE tenant_id = $1', [tenant.tenantId])).rows[0]?.n);
  const raw = (path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.managerToken}`, 'content-type': 'application/json' },
      body,
    });

  it('answers malformed JSON with 400 and a JSON error', async () => {
    for (const path of ['/api/replicache/push', '/api/replicache/pull']) {
      const res = await raw(path, '{"pushVersion": 1, "mutations": [');
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'malformed_json', message: expect.any(String) } });
    }
  });

  it('answers push and pull bodies with wrong types with 400 and a JSON error', async () => {
    const group = uniqueId('group');
    const bad = [
      await push(server, tenant.managerToken, pushBody(group, [], { pushVersion: 'one' })),
      await push(server, tenant.managerToken, pushBody(group, [], { mutations: 'all of them' })),
      await push(server, tenant.managerToken, pushBody(group, [{ ...mutation('c', 1, 'upsertProduct', {}), id: '1' }])),
      await push(server, tenant.managerToken, [1, 2, 3]),
      await pull(server, tenant.managerToken, pullBody(group, null, { cookie: 'yesterday' })),
      await pull(server, tenant.managerToken, pullBody(group, null, { clientGroupID: 42 })),
    ];
    for (const res of bad) expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request', message: expect.any(String) } } });
  });

  it('answers a push body over PUSH_BODY_LIMIT with 413', async () => {
    const padding = 'x'.repeat(defaultBodyLimit);
    const res = await push(server, tenant.managerToken, pushBody(uniqueId('group'), [mutation('c', 1, 'upsertProduct', { ...productArgs('big'), name: padding })]));
    expect(res).toMatchObject({ status: 413, body: { error: { code: 'body_too_large' } } });
  });

  it('refuses with 403 a push into a client group of another principal of the same tenant', async () => {
    const managersGroup = uniqueId('group');
    await push(server, tenant.managerToken, pushBody(managersGroup, [mutation(uniqueId('c'), 1, 'upsertProduct', productArgs('mine'))]));
    const res = await push(server, tenant.kitchenToken, pushBody(managersGroup, []));
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it('rejects an unknown mutator, args that fail the schema and a mutator the role may not run, advancing lastMutationID and changing nothing else', async () => {
    const client = uniqueId('client');
    const group = uniqueId('group');
    const before = await productCount();
    const res = await push(server, tenant.managerToken, pushBody(group, [
      mutation(client, 1, 'upsertProduct', productArgs('good-1')),
      mutation(client, 2, 'launchRockets', { count: 3 }),
      mutation(client, 3, 'upsertProduct', { id: 'bad', priceCents: 'free' }),
      mutation(client, 4, 'upsertProduct', productArgs('good-2')),
    ]));
    expect(res).toMatchObject({ status: 200, body: {} });
    const kitchenClient = uniqueId('client');
    const kitchenGroup = uniqueId('group');
    await push(server, tenant.kitchenToken, pushBody(kitchenGroup, [mutation(kitchenClient, 1, 'upsertProduct', productArgs('not-yours'))]));

    const record = await serverRecordOf(server.running.db, client);
    expect(record.lastMutationID).toBe(4);
    expect(record.events.map((e) => e.mutation_id)).toEqual([1, 4]);
    expect((await serverRecordOf(server.running.db, kitchenClient)).lastMutationID).toBe(1);
    expect(await productCount()).toBe(before + 2);

    const view = await pull(server, tenant.managerToken, pullBody(group, null));
    const rejections = Object.fromEntries(view.body.patch.flatMap((op) => (op.op === 'put' && op.key.startsWith('rejection/') ? [[op.key, op.value]] : [])));
    expect(rejections).toEqual({
      [`rejection/${client}/2`]: expect.objectContaining({ mutationName: 'launchRockets', code: 'unknown_mutator', message: expect.any(String) }),
      [`rejection/${client}/3`]: expect.objectContaining({ mutationName: 'upsertProduct', code: 'invalid_args', message: expect.any(String) }),
    });
    const kitchenView = await pull(server, tenant.kitchenToken, pullBody(kitchenGroup, null));
    expect(putKeys(kitchenView.body.patch).filter((k) => k.startsWith('rejection/'))).toEqual([`rejection/${kitchenClient}/1`]);
    expect(kitchenView.body.patch).toContainEqual({ op: 'put', key: `rejection/${kitchenClient}/1`, value: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('rejects mutations carrying text Postgres cannot store instead of failing the whole push', async () => {
    const client = uniqueId('client');
    const group = uniqueId('group');
    const res = await push(server, tenant.managerToken, pushBody(group, [
      mutation(client, 1, 'upsertProduct', { ...productArgs('nul'), name: 'Soup\u0000' }),
      mutation(client, 2, 'upsertProduct', { ...productArgs('surrogate'), name: 'Soup \ud800' }),
      mutation(client, 3, 'launch\u0000', {}),
      mutation(client, 4, 'upsertProduct', productArgs('fine')),
    ]));
    expect(res).toMatchObject({ status: 200, body: {} });
    expect((await serverRecordOf(server.running.db, client)).events.map((e) => e.mutation_id)).toEqual([4]);

    const view = await pull(server, tenant.managerToken, pullBody(group, null));
    const rejected = view.body.patch.flatMap((op) => (op.op === 'put' && op.key.startsWith('rejection/') ? [op.value] : []));
    expect(rejected.map((r) => [r.mutationID, r.code, r.mutationName])).toEqual([
      [1, 'invalid_args', 'upsertProduct'],
      [2, 'invalid_args', 'upsertProduct'],
      [3, 'unknown_mutator', 'launch\ufffd'],
    ]);
  });

  it('answers ids Postgres cannot store and out-of-range cookie orders with 400', async () => {
    const bad = [
      await push(server, tenant.managerToken, pushBody('group\u0000', [])),
      await push(server, tenant.managerToken, pushBody(uniqueId('group'), [mutation('client\u0000', 1, 'upsertProduct', productArgs('x'))])),
      await pull(server, tenant.managerToken, pullBody(uniqueId('group'), { order: 3, cvrID: 'cvr\u0000' })),
      await pull(server, tenant.managerToken, pullBody(uniqueId('group'), { order: 1e12, cvrID: 'cvr' })),
    ];
    for (const res of bad) expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });

  it('answers admin and monitoring requests with text Postgres cannot store, or a broadcast too big to notify, with 400', async () => {
    const admin = server.adminToken;
    const bad = [
      await api(server, admin, 'POST', '/api/admin/tenants', { name: 'Bistro\u0000' }),
      await api(server, admin, 'POST', `/api/admin/tenants/${tenant.tenantId}/tokens`, { role: 'kitchen', label: 'pass\u0000' }),
      await api(server, admin, 'GET', '/api/admin/tenants/t%00/tokens'),
      await api(server, admin, 'DELETE', '/api/admin/tokens/t%00'),
      await api(server, admin, 'GET', '/api/websocket/connections/t%00'),
      await api(server, admin, 'POST', `/api/websocket/broadcast/${tenant.tenantId}`, { message: { note: 'x'.repeat(9000) } }),
      await api(server, admin, 'POST', `/api/websocket/broadcast/${tenant.tenantId}`, { message: '\u0001'.repeat(2000) }),
    ];
    for (const res of bad) expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });

  it(`processes ${defaultCap} of 5,000 mutations per push and the rest on following pushes, each exactly once`, async () => {
    const client = uniqueId('client');
    const group = uniqueId('group');
    const body = pushBody(group, Array.from({ length: 5000 }, (_, i) => mutation(client, i + 1, 'upsertProduct', productArgs(`bulk-${i + 1}`))));
    const applied: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      expect((await push(server, tenant.managerToken, body)).status).toBe(200);
      const { rows } = await server.running.db.query<{ lmid: number }>('SELECT last_mutation_id AS lmid FROM replicache_clients WHERE id = $1', [client]);
      applied.push(rows[0]?.lmid ?? 0);
    }
    expect(applied).toEqual([1000, 2000, 3000, 4000, 5000, 5000]);

    const { rows } = await server.running.db.query<{ n: number; distinct_ids: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT mutation_id)::int AS distinct_ids FROM events WHERE client_id = $1',
      [client],
    );
    expect(rows[0]).toEqual({ n: 5000, distinct_ids: 5000 });
  });

  it('answers unsupported push, pull and schema versions with VersionNotSupported and HTTP 200', async () => {
    const group = uniqueId('group');
    const cases = [
      [await push(server, tenant.managerToken, pushBody(group, [], { pushVersion: 0 })), 'push'],
      [await pull(server, tenant.managerToken, pullBody(group, null, { pullVersion: 2 })), 'pull'],
      [await push(server, tenant.managerToken, pushBody(group, [], { schemaVersion: '999' })), 'schema'],
      [await pull(server, tenant.managerToken, pullBody(group, null, { schemaVersion: '999' })), 'schema'],
    ] as const;
    for (const [res, versionType] of cases) expect(res).toMatchObject({ status: 200, body: { error: 'VersionNotSupported', versionType } });
  });

  it('answers a purged client group with ClientStateNotFound and HTTP 200', async () => {
    const client = uniqueId('client');
    const group = uniqueId('group');
    await push(server, tenant.managerToken, pushBody(group, [mutation(client, 1, 'upsertProduct', productArgs('old-news'))]));
    const first = await pull(server, tenant.managerToken, pullBody(group, null));
    await server.running.db.query("UPDATE replicache_client_groups SET last_seen = now() - interval '400 days' WHERE id = $1", [group]);
    expect((await collectGarbage(server.running.db)).purgedGroups).toBe(1);

    expect(await pull(server, tenant.managerToken, pullBody(group, first.body.cookie))).toMatchObject({ status: 200, body: { error: 'ClientStateNotFound' } });
    expect(await push(server, tenant.managerToken, pushBody(group, [mutation(client, 2, 'upsertProduct', productArgs('lost'))]))).toMatchObject({
      status: 200,
      body: { error: 'ClientStateNotFound' },
    });
    expect(await rejectionRows(server.running.db, tenant.tenantId)).not.toContain(`rejection/${client}/2`);
  });

  it('makes a real client of an unknown schemaVersion report that an update is needed', async () => {
    const rep = newClient(server, tenant.managerToken, { schemaVersion: '999' });
    try {
      const reason = new Promise<UpdateNeededReason>((resolve) => (rep.onUpdateNeeded = resolve));
      await rep.pull({ now: true }).catch(() => undefined);
      expect(await reason).toEqual({ type: 'VersionNotSupported', versionType: 'schema' });
    } finally {
      await rep.close();
    }
  });

  it('makes a real client of a purged client group report that its state was not found', async () => {
    const rep = newClient(server, tenant.managerToken);
    try {
      await rep.mutate.upsertProduct(productArgs('forgotten'));
      await settle(rep);
      // Listening before the purge: a pull of the client's own (a poke, a reconnect) may hear of it
      // while GC is still vacuuming, before a handler set afterwards could catch the report.
      const reported = new Promise<boolean>((resolve) => {
        rep.onClientStateNotFound = () => resolve(true);
        setTimeout(() => resolve(false), 30_000);
      });
      // A pull in flight may still mark the group as seen after it was aged, so age and collect until it is gone.
      const group = await rep.clientGroupID;
      await waitUntil(async () => {
        await server.running.db.query("UPDATE replicache_client_groups SET last_seen = now() - interval '400 days' WHERE id = $1", [group]);
        await collectGarbage(server.running.db);
        return (await server.running.db.query('SELECT 1 FROM replicache_client_groups WHERE id = $1', [group])).rows.length === 0;
      }, 20_000, 'the group to be purged');
      // A pull already in flight may answer for the one asked here, so ask again until the answer comes.
      const answered = () => Promise.race([reported, new Promise<false>((r) => setTimeout(() => r(false), 250))]);
      for (let tries = 0; tries < 20; tries++) {
        await rep.pull({ now: true }).catch(() => undefined);
        if (await answered()) break;
      }
      expect(await reported).toBe(true);
    } finally {
      await rep.close();
    }
  });

  it('is still up and healthy after all of the above', async () => {
    const res = await api(server, undefined, 'GET', '/api/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });
});
