import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '@kitchensync/shared';
import type { Database } from '../../server/src/db/database.ts';
import { findEntity } from '../../server/src/db/entities.ts';
import { countStatements } from '../../server/src/db/statement-counter.ts';
import { collectGarbage } from '../../server/src/sync/gc.ts';
import type { PushRequest } from '../../server/src/sync/protocol.ts';
import { processPush } from '../../server/src/sync/push.ts';
import { SyncEngine } from '../../server/src/sync/sync-engine.ts';
import { rejectionRows } from '../support/kitchen-fixture.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { mutation, productArgs, pushBody, uniqueId } from '../support/sync-protocol.ts';

/**
 * Two server processes writing one tenant: each `SyncEngine` is a process here (its own write
 * queue, remembered views and processed ids), the same database underneath. A push reads what it
 * needs under the tenant's lock, in BEGIN's round trip, so nothing another process wrote is missed.
 */
describe.each(backends)('pushes of two processes on one tenant (%s)', (backend) => {
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
      const engine = new SyncEngine(counted.db);
      const client = { group: uniqueId('group'), client: uniqueId('client'), next: 1 };
      const send = async (name: string, args: unknown) => {
        const result = await processPush(engine, principal, pushBody(client.group, [mutation(client.client, client.next++, name, args)]) as PushRequest, 100);
        return { response: result.response, statements: counted.take() };
      };
      return { db: counted.db, client, send };
    };
    return { tenantId, a: open(), b: open() };
  }

  const order = (id: string, productId: string) => ({ id, channel: 'takeaway', customer: { name: 'Snapshot' }, items: [{ id: 'l1', productId, quantity: 2 }], at: 1 });
  const orderOf = (db: Database, tenantId: string, id: string) => findEntity<Order>(db, tenantId, 'order', id);

  // BEGIN, lock, read, write, COMMIT; then, outside the transaction, the poke's NOTIFY to the other
  // processes (on Postgres: a PGlite database has one process).
  const pushStatements = backend === 'postgres' ? 6 : 5;

  it('a push is BEGIN with the lock and what it reads, then the write with COMMIT', async () => {
    const { tenantId, a } = await processes();
    expect((await a.send('upsertProduct', productArgs('soup', 700))).statements).toBe(pushStatements);
    const second = await a.send('createOrder', order('o-known', 'soup'));
    expect(second).toEqual({ response: {}, statements: pushStatements });
    expect((await orderOf(server.running.db, tenantId, 'o-known'))?.totalCents).toBe(1400);
  });

  it('after another process wrote to the tenant, a push sees what it wrote', async () => {
    const { tenantId, a, b } = await processes();
    await a.send('upsertProduct', productArgs('stew', 700));
    await a.send('upsertProduct', productArgs('bread', 300));
    await b.send('upsertProduct', productArgs('stew', 900));
    expect((await a.send('createOrder', order('o-moved', 'stew'))).statements).toBe(pushStatements);
    expect((await orderOf(server.running.db, tenantId, 'o-moved'))?.totalCents).toBe(1800);
  });

  it('a row another process wrote before this one ever wrote is found', async () => {
    const { tenantId, a, b } = await processes();
    await b.send('upsertProduct', productArgs('pie', 450));
    await a.send('upsertProduct', productArgs('tart', 500));
    expect((await a.send('createOrder', order('o-pie', 'pie'))).statements).toBe(pushStatements);
    expect((await orderOf(server.running.db, tenantId, 'o-pie'))?.totalCents).toBe(900);
    expect(await rejectionRows(server.running.db, tenantId)).toEqual([]);
  });

  it('a client group purged since its last push is not written to: the push gets ClientStateNotFound', async () => {
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
