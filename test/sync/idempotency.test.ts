import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRecordOf } from '../support/kitchen-fixture.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { mutation, productArgs, pull, pullBody, push, pushBody, uniqueId } from '../support/sync-protocol.ts';

describe.each(backends)('replayed pushes (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ backend });
  });
  afterAll(async () => server.stop());

  const productVersion = async (tenantId: string, id: string) =>
    (await server.running.db.query<{ version: number }>('SELECT version FROM products WHERE tenant_id = $1 AND id = $2', [tenantId, id])).rows[0]
      ?.version;

  it('applies the same push body sent twice only once', async () => {
    const { managerToken, tenantId } = await createTenant(server);
    const client = uniqueId('client');
    const body = pushBody(uniqueId('group'), [mutation(client, 1, 'upsertProduct', productArgs('soup')), mutation(client, 2, 'upsertProduct', productArgs('stew'))]);

    expect((await push(server, managerToken, body)).status).toBe(200);
    const version = await productVersion(tenantId, 'soup');
    const replay = await push(server, managerToken, body);

    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({});
    expect(await productVersion(tenantId, 'soup'), 'the row was not written again').toBe(version);
    const record = await serverRecordOf(server.running.db, client);
    expect(record.lastMutationID).toBe(2);
    expect(record.events.map((e) => e.mutation_id)).toEqual([1, 2]);
  });

  it('applies a push sent twice at the same moment only once', async () => {
    const { managerToken } = await createTenant(server);
    const client = uniqueId('client');
    const body = pushBody(uniqueId('group'), [mutation(client, 1, 'upsertProduct', productArgs('pie'))]);

    const responses = await Promise.all([push(server, managerToken, body), push(server, managerToken, body)]);

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect((await serverRecordOf(server.running.db, client)).events.map((e) => e.mutation_id)).toEqual([1]);
  });

  it('skips the already applied part of a push that repeats old mutations before new ones', async () => {
    const { managerToken } = await createTenant(server);
    const client = uniqueId('client');
    const group = uniqueId('group');
    const m = (id: number) => mutation(client, id, 'upsertProduct', productArgs(`dish-${id}`));
    await push(server, managerToken, pushBody(group, [m(1), m(2)]));

    expect((await push(server, managerToken, pushBody(group, [m(1), m(2), m(3)]))).status).toBe(200);

    const record = await serverRecordOf(server.running.db, client);
    expect(record.lastMutationID).toBe(3);
    expect(record.events.map((e) => e.mutation_id)).toEqual([1, 2, 3]);
  });

  it('stops a client at a gap in its mutation ids and applies nothing past it', async () => {
    const { managerToken } = await createTenant(server);
    const client = uniqueId('client');
    const group = uniqueId('group');
    const m = (id: number) => mutation(client, id, 'upsertProduct', productArgs(`gap-${id}`));

    expect((await push(server, managerToken, pushBody(group, [m(1), m(3), m(4)]))).status).toBe(200);

    expect((await serverRecordOf(server.running.db, client)).lastMutationID).toBe(1);
    const view = await pull(server, managerToken, pullBody(group, null));
    expect(view.body.lastMutationIDChanges).toEqual({ [client]: 1 });
  });
});
