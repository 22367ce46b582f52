import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
