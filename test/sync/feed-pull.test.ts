import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStations } from '@kitchensync/shared';
import type { Database } from '../../server/src/db/database.ts';
import { countStatements } from '../../server/src/db/statement-counter.ts';
import type { Principal } from '../../server/src/auth/principal.ts';
import type { PullRequest, PushRequest } from '../../server/src/sync/protocol.ts';
import { processPull, type PullResponse } from '../../server/src/sync/pull.ts';
import { processPush } from '../../server/src/sync/push.ts';
import { waitUntil } from '../support/wait.ts';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { mutation, productArgs, pullBody, pushBody, uniqueId } from '../support/sync-protocol.ts';

/**
 * A pull on a cookie this process gave out, where this process's own commits are everything that
 * happened since (PGlite reports every head move to its one process, migration 007), is answered
 * from those commits without a statement (`ChangeFeed`); its CVR is stored just after. Each
 * `Database` object stands for a process: its own write queue, feed and remembered cookies.
 */
describe.each(backends)('pulls answered from this process’s own commits (%s)', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ backend });
  });
  afterAll(async () => server.stop());
  const fromFeed = backend === 'pglite';

  async function tenant() {
    const t = await createTenant(server);
    const manager: Principal = { tokenId: t.managerTokenId, role: 'manager', tenantId: t.tenantId };
    const kitchen: Principal = { tokenId: t.kitchenTokenId, role: 'kitchen', tenantId: t.tenantId };
    return { tenantId: t.tenantId, manager, kitchen };
  }

  /** A process, and a client of it: push one mutation at a time, pull with its last cookie. */
  function processOf() {
    const counted = countStatements(server.running.db);
    const client = (principal: Principal) => {
      const [group, id] = [uniqueId('group'), uniqueId('client')];
      let [next, cookie] = [1, null as PullResponse['cookie'] | null];
      return {
        group,
        id,
        push: (name: string, args: unknown) => processPush(counted.db, principal, pushBody(group, [mutation(id, next++, name, args)]) as PushRequest, 100),
        async pull(on: Database = counted.db) {
          counted.take();
          const res = (await processPull(on, principal, pullBody(group, cookie) as PullRequest)) as PullResponse;
          const statements = counted.take();
          const before = cookie;
          cookie = res.cookie;
          return { res, statements, before };
        },
      };
    };
    return { db: counted.db, client };
  }

  /** Pull `before` again in a process that never saw it: the answer read from the database. */
  const readAgain = (principal: Principal, group: string, before: PullResponse['cookie'] | null) =>
    processPull(countStatements(server.running.db).db, principal, pullBody(group, before) as PullRequest) as Promise<PullResponse>;
  /** The patch as text, ops in key order: values must match the database's to the order of their keys. */
  const sorted = (patch: PullResponse['patch']) => JSON.stringify([...patch].sort((a, b) => ('key' in a ? a.key : '').localeCompare('key' in b ? b.key : '')));

  async function warm(principal: Principal) {
    const p = processOf();
    const writer = p.client(principal);
    await writer.push('upsertProduct', productArgs(uniqueId('warm'), 100));
    await writer.push('upsertProduct', productArgs(uniqueId('warm'), 100));
    return { p, writer };
  }

  /** A process whose writer has committed, and a reader of it holding the whole view. */
  async function writerAndReader(writerAs: Principal, readerAs = writerAs) {
    const { p, writer } = await warm(writerAs);
    const reader = p.client(readerAs);
    await reader.pull();
    return { writer, reader };
  }

  it('a manager’s pull after this process’s push needs no statement, and says what the database would', async () => {
    const { tenantId, manager } = await tenant();
    const { writer, reader } = await writerAndReader(manager);
    await writer.push('upsertProduct', productArgs('soup', 650));
    await writer.push('upsertStation', { ...demoStations[0], id: 'grill-2', name: 'Grill 2' });
    const { res, statements, before } = await reader.pull();
    expect(statements).toBe(fromFeed ? 0 : 1);
    expect(res.patch.map((op) => ('key' in op ? op.key : op.op)).sort()).toEqual(['product/soup', 'station/grill-2']);
    const fromDatabase = await readAgain(manager, reader.group, before);
    expect(sorted(res.patch)).toBe(sorted(fromDatabase.patch));
    expect(res.lastMutationIDChanges).toEqual(fromDatabase.lastMutationIDChanges);
    // The CVR is stored just after: another process answers that cookie as unchanged.
    const head = async () => (await server.running.db.query<{ version: number }>('SELECT version FROM sync_heads WHERE tenant_id = $1', [tenantId])).rows[0]?.version;
    await waitUntil(async () => (await server.running.db.query('SELECT 1 FROM client_view_records WHERE id = $1', [res.cookie.cvrID])).rows.length === 1);
    const stored = await server.running.db.query<{ head: number }>('SELECT head FROM client_view_records WHERE id = $1', [res.cookie.cvrID]);
    expect(Number(stored.rows[0]?.head)).toBe(Number(await head()));
    expect(await readAgain(manager, reader.group, res.cookie)).toEqual({ cookie: res.cookie, lastMutationIDChanges: {}, patch: [] });
  });

  it('a write this process did not make is read from the database, with everything since', async () => {
    const { tenantId, manager } = await tenant();
    const { writer, reader } = await writerAndReader(manager);
    await writer.push('upsertProduct', productArgs('stew', 900));
    // As a REST write, a hub or garbage collection would: the head moves outside this process's commits.
    await server.running.db.query(`UPDATE products SET data = data || '{"priceCents": 1}' WHERE tenant_id = $1 AND id = 'stew'`, [tenantId]);
    const { res, statements } = await reader.pull();
    expect(statements).toBe(1);
    expect(res.patch).toEqual([{ op: 'put', key: 'product/stew', value: expect.objectContaining({ priceCents: 1 }) }]);
  });

  it('a client’s own rejection and last mutation id come back to its group only', async () => {
    const { manager } = await tenant();
    const { p, writer } = await warm(manager);
    const other = p.client(manager);
    await writer.pull();
    await other.pull();
    await writer.push('createOrder', { id: 'o-bad', channel: 'takeaway', customer: { name: 'X' }, items: [{ id: 'l1', productId: 'nowhere', quantity: 1 }], at: 1 });
    const own = await writer.pull();
    expect(own.statements).toBe(fromFeed ? 0 : 1);
    expect(own.res.lastMutationIDChanges).toEqual({ [writer.id]: 3 });
    expect(own.res.patch).toEqual([{ op: 'put', key: `rejection/${writer.id}/3`, value: expect.objectContaining({ code: 'not_found', mutationID: 3 }) }]);
    const fromDatabase = await readAgain(manager, writer.group, own.before);
    expect(sorted(own.res.patch)).toBe(sorted(fromDatabase.patch));
    const theirs = await other.pull();
    expect(theirs.statements).toBe(fromFeed ? 0 : 1);
    expect(theirs.res.patch).toEqual([]);
    expect(theirs.res.lastMutationIDChanges).toEqual({});
  });

  it('a kitchen’s pull always reads the database: its view follows tickets into orders', async () => {
    const { manager, kitchen } = await tenant();
    const { writer, reader: screen } = await writerAndReader(manager, kitchen);
    await writer.push('upsertProduct', productArgs('tea', 300));
    const { res, statements } = await screen.pull();
    expect(statements).toBe(1);
    expect(res.patch.map((op) => ('key' in op ? op.key : op.op))).toEqual(['product/tea']);
  });
});
