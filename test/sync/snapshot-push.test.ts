import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '@kitchensync/shared';
import type { Database } from '../../server/src/db/database.ts';
import { findEntity } from '../../server/src/db/entities.ts';
import { countStatements } from '../../server/src/db/statement-counter.ts';
import { collectGarbage } from '../../server/src/sync/gc.ts';
import type { PushRequest } from '../../server/src/sync/protocol.ts';
import { processPush } from '../../server/src/sync/push.ts';
import { rejectionRows } from '../support/kitchen-fixture.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { mutation, productArgs, pushBody, uniqueId } from '../support/sync-protocol.ts';

/**
 * A server process runs a tenant's pushes against what it knows of the tenant since its own last
 * commit, and sends the lock, the check and the write in one round trip (migration 006,
 * `TenantSnapshot`). Each `Database` object is a process here: its own write queue and snapshots,
 * the same database underneath.
 */
describe.each(backends)('pushes against the tenant snapshot (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ backend });
  });
  afterAll(async () => server.stop());

  async function processes() {
    const { tenantId, managerTokenId } = await createTenant(server);
    const principal = { tokenId: managerTokenId, role: 'manager' as const, tenantId };
    const open = () => {
      const counted = countStatements(server.running.db);
      const client = { group: uniqueId('group'), client: uniqueId('client'), next: 1 };
      const send = async (name: string, args: unknown) => {
        const result = await processPush(counted.db, principal, pushBody(client.group, [mutation(client.client, client.next++, name, args)]) as PushRequest, 100);
        return { response: result.response, statements: counted.take() };
      };
      return { db: counted.db, client, send };
    };
    return { tenantId, a: open(), b: open() };
  }

  const order = (id: string, productId: string) => ({ id, channel: 'takeaway', customer: { name: 'Snapshot' }, items: [{ id: 'l1', productId, quantity: 2 }], at: 1 });
  const orderOf = (db: Database, tenantId: string, id: string) => findEntity<Order>(db, tenantId, 'order', id);

  it('a known client’s next push is the lock, the check and the write, in one round trip', async () => {
    const { tenantId, a } = await processes();
    expect((await a.send('upsertProduct', productArgs('soup', 700))).statements).toBe(5); // BEGIN, lock, read, write, COMMIT
    const second = await a.send('createOrder', order('o-known', 'soup'));
    expect(second).toEqual({ response: {}, statements: 3 });
    expect((await orderOf(server.running.db, tenantId, 'o-known'))?.totalCents).toBe(1400);
  });

  it('after another process wrote to the tenant, a push reads afresh: nothing is computed from the old copy', async () => {
    const { tenantId, a, b } = await processes();
    await a.send('upsertProduct', productArgs('stew', 700));
    await a.send('upsertProduct', productArgs('bread', 300)); // a now holds stew at 700
    await b.send('upsertProduct', productArgs('stew', 900));
    // a tries its copy (3 statements), the check refuses it, and the batch runs the ordinary way (5).
    expect((await a.send('createOrder', order('o-moved', 'stew'))).statements).toBe(8);
    expect((await orderOf(server.running.db, tenantId, 'o-moved'))?.totalCents).toBe(1800);
    // The ordinary way left a fresh copy: the next push goes in one round trip again.
    expect((await a.send('createOrder', order('o-after', 'stew'))).statements).toBe(3);
    expect((await orderOf(server.running.db, tenantId, 'o-after'))?.totalCents).toBe(1800);
  });

  it('a row the copy does not hold is taken to be absent only if the write finds it absent', async () => {
    const { tenantId, a, b } = await processes();
    await b.send('upsertProduct', productArgs('pie', 450)); // before a's first commit: never read by a
    await a.send('upsertProduct', productArgs('tart', 500));
    // a's copy lacks pie, so its mutator would refuse the order ("product pie not found"): the write
    // finds pie, nothing is written, and the ordinary way places the order.
    expect((await a.send('createOrder', order('o-pie', 'pie'))).statements).toBe(8);
    expect((await orderOf(server.running.db, tenantId, 'o-pie'))?.totalCents).toBe(900);
    expect(await rejectionRows(server.running.db, tenantId)).toEqual([]);
  });

  it('a client group purged since the copy was taken is not written to: the push gets ClientStateNotFound', async () => {
    const { a } = await processes();
    await a.send('upsertProduct', productArgs('fish', 1200));
    await server.running.db.query(`UPDATE replicache_client_groups SET last_seen = now() - interval '60 days' WHERE id = $1`, [a.client.group]);
    await collectGarbage(server.running.db);
    const refused = await a.send('upsertProduct', productArgs('chips', 300));
    expect(refused.response).toEqual({ error: 'ClientStateNotFound' });
    const { rows } = await server.running.db.query('SELECT 1 FROM replicache_clients WHERE id = $1', [a.client.client]);
    expect(rows).toEqual([]);
  });
});
