import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionKey } from '@kitchensync/shared';
import { processPush } from '../../server/src/sync/push.ts';
import type { TenantWrite } from '../../server/src/sync/tenant-write.ts';
import type { PushRequest } from '../../server/src/sync/protocol.ts';
import { serverRecordOf } from '../support/kitchen-fixture.ts';
import { api, backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { mutation, productArgs, push, pushBody, uniqueId } from '../support/sync-protocol.ts';

/** `kitchensync_<name>` from the server's Prometheus text. */
async function counter(server: TestServer, name: string): Promise<number> {
  const res = await fetch(`${server.url}/api/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  return Number(new RegExp(`^kitchensync_${name} (\\d+)$`, 'm').exec(await res.text())?.[1]);
}

describe.each(backends)('group commit of one tenant’s pushes (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ backend });
  });
  afterAll(async () => server.stop());

  it('pushes of many terminals at once share transactions, and each mutation is applied exactly once', async () => {
    const { managerToken } = await createTenant(server);
    const [writes, transactions] = [await counter(server, 'writes_total'), await counter(server, 'write_transactions_total')];
    const terminals = Array.from({ length: 12 }, () => ({ group: uniqueId('group'), client: uniqueId('client') }));
    await Promise.all(
      terminals.map(async ({ group, client }, t) => {
        for (let id = 1; id <= 5; id++) {
          const res = await push(server, managerToken, pushBody(group, [mutation(client, id, 'upsertProduct', productArgs(`t${t}-dish${id}`))]));
          expect(res.status).toBe(200);
        }
      }),
    );
    for (const { client } of terminals) {
      const record = await serverRecordOf(server.running.db, client);
      expect(record.lastMutationID).toBe(5);
      expect(record.events.map((e) => e.mutation_id)).toEqual([1, 2, 3, 4, 5]);
    }
    const products = await api<{ items: unknown[] }>(server, managerToken, 'GET', '/api/products?limit=200');
    expect(products.body.items).toHaveLength(60);
    const [wrote, committed] = [(await counter(server, 'writes_total')) - writes, (await counter(server, 'write_transactions_total')) - transactions];
    expect(wrote).toBe(60);
    // PGlite runs a whole transaction without yielding to the event loop (its queries are
    // synchronous WebAssembly), so the next push is read only after the commit: nothing to join.
    if (backend === 'postgres') expect(committed, 'pushes that arrived together were committed together').toBeLessThan(wrote);
    else expect(committed).toBe(wrote);
  });

  it('a push refused in a shared transaction fails alone: the others beside it are applied', async () => {
    const { managerToken } = await createTenant(server);
    const owner = { group: uniqueId('group'), client: uniqueId('client') };
    await push(server, managerToken, pushBody(owner.group, [mutation(owner.client, 1, 'upsertProduct', productArgs('first'))]));
    const good = Array.from({ length: 6 }, () => ({ group: uniqueId('group'), client: uniqueId('client') }));
    const badText = { group: uniqueId('group'), client: uniqueId('client') };
    const [stolen, text, ...fine] = await Promise.all([
      // Another group's client: refused as a whole, after its checks, before it wrote anything.
      push(server, managerToken, pushBody(uniqueId('group'), [mutation(owner.client, 2, 'upsertProduct', productArgs('stolen'))])),
      push(server, managerToken, pushBody(badText.group, [mutation(badText.client, 1, 'confirmOrder', { orderId: 'a\u0000b', at: 1 })])),
      ...good.map(({ group, client }, i) => push(server, managerToken, pushBody(group, [mutation(client, 1, 'upsertProduct', productArgs(`good-${i}`))]))),
    ]);
    expect(stolen?.status).toBe(403);
    expect(text?.status).toBe(200);
    expect(fine.map((r) => r.status)).toEqual(good.map(() => 200));
    for (const { client } of good) expect((await serverRecordOf(server.running.db, client)).lastMutationID).toBe(1);
    // The bad mutation became a rejection and still counts, so that client's queue moves on.
    expect((await serverRecordOf(server.running.db, badText.client)).lastMutationID).toBe(1);
    expect((await serverRecordOf(server.running.db, owner.client)).lastMutationID).toBe(1);
    const names = (await api<{ items: { id: string }[] }>(server, managerToken, 'GET', '/api/products?limit=200')).body.items.map((p) => p.id).sort();
    expect(names).toEqual(['first', ...good.map((_, i) => `good-${i}`)].sort());
  });

  it('pushes of one batch see each other: a re-sent mutation is skipped, a rejection is its own group’s alone', async () => {
    const { tenantId, managerTokenId } = await createTenant(server);
    const db = server.running.db;
    const principal = { tokenId: managerTokenId, role: 'manager' as const, tenantId };
    const run = (group: string, mutations: unknown[]) => processPush(server.running.engine, principal, pushBody(group, mutations) as PushRequest, 100);
    const [a, b, warm] = [uniqueId('a'), uniqueId('b'), uniqueId('w')].map((id) => ({ group: `${id}-g`, client: `${id}-c` })) as [
      { group: string; client: string }, { group: string; client: string }, { group: string; client: string }];
    const refused = mutation(a.client, 1, 'confirmOrder', { orderId: 'no-such-order', at: 1 });
    const transactions = await counter(server, 'write_transactions_total');
    // In each round the first push runs at once, alone; those behind it arrive while it runs and share one batch.
    const first = await Promise.all([
      run(warm.group, [mutation(warm.client, 1, 'upsertProduct', productArgs('warm'))]),
      run(a.group, [refused]),
      // A re-send of the same client, with one more mutation: the first is already processed in this batch.
      run(a.group, [refused, mutation(a.client, 2, 'upsertProduct', productArgs('after-refusal'))]),
    ]);
    const second = await Promise.all([
      run(warm.group, [mutation(warm.client, 2, 'upsertProduct', productArgs('warm', 600))]),
      // Group b may not see group a's rejection: refused. Group a, next in the same batch, dismisses it.
      run(b.group, [mutation(b.client, 1, 'dismissRejection', { key: rejectionKey(a.client, 1) })]),
      run(a.group, [mutation(a.client, 3, 'dismissRejection', { key: rejectionKey(a.client, 1) })]),
    ]);
    expect([...first, ...second].map((r) => r.processed)).toEqual([1, 1, 1, 1, 1, 1]);
    expect((await counter(server, 'write_transactions_total')) - transactions).toBe(4);
    expect(await serverRecordOf(db, a.client)).toMatchObject({
      lastMutationID: 3,
      events: [{ mutation_id: 2, type: 'product.upserted' }, { mutation_id: 3, type: 'rejection.dismissed' }],
    });
    expect((await serverRecordOf(db, b.client)).lastMutationID).toBe(1);
    const rejections = await db.query<{ client_group_id: string; key: string; code: string }>(
      "SELECT client_group_id, key, data->>'code' AS code FROM rejections WHERE tenant_id = $1 ORDER BY key",
      [tenantId],
    );
    expect(rejections.rows).toEqual([{ client_group_id: b.group, key: rejectionKey(b.client, 1), code: 'not_found' }]);
  });

  it('a write that fails after applying a mutation leaves nothing, while the write beside it in the batch commits', async () => {
    const { tenantId } = await createTenant(server);
    const db = server.running.db;
    const principal = { tokenId: 'system', role: 'manager' as const, tenantId };
    const apply = (id: string) => async (write: TenantWrite) => {
      const outcome = await write.apply('upsertProduct', productArgs(id), { source: 'rest', principal });
      expect(outcome.ok).toBe(true);
    };
    const [, failed, kept] = await Promise.allSettled([
      server.running.engine.write(tenantId, apply('first')),
      server.running.engine.write(tenantId, async (write) => {
        await apply('undone')(write);
        throw new Error('the handler refused after applying');
      }),
      server.running.engine.write(tenantId, apply('kept')),
    ]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'the handler refused after applying' } });
    expect(kept.status).toBe('fulfilled');
    const products = await db.query<{ id: string }>('SELECT id FROM products WHERE tenant_id = $1 ORDER BY id', [tenantId]);
    expect(products.rows.map((r) => r.id)).toEqual(['first', 'kept']);
    const events = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND type = 'product.upserted'", [tenantId]);
    expect(events.rows[0]?.n).toBe(2);
  });
});
