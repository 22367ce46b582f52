import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoProducts, demoStations } from '@kitchensync/shared';
import type { Database } from '../db/database.ts';
import { migratedMemoryDatabase } from '../db/memory-database.ts';
import { countStatements } from '../db/statement-counter.ts';
import { collectGarbage } from './gc.ts';
import type { Cookie } from './protocol.ts';
import { processPull, type PullResponse } from './pull.ts';
import { processPush } from './push.ts';
import { SyncEngine } from './sync-engine.ts';

const manager = { tokenId: 'tok-m', role: 'manager' as const, tenantId: 't1' };
const kitchen = { tokenId: 'tok-k', role: 'kitchen' as const, tenantId: 't1' };

let raw: Database;
/** This test's server process; a counting database gets an engine of its own, as another process would. */
let engine: SyncEngine;
/** Last mutation id of each pushing client (one client per group: `<group>-1`). */
let lastIds = new Map<string, number>();
beforeEach(async () => {
  lastIds = new Map();
  raw = await migratedMemoryDatabase({ id: 't1', name: 'pull test' });
  engine = new SyncEngine(raw);
});
afterEach(async () => raw.close());

async function push(mutations: { name: string; args: unknown }[], clientGroupID = 'writer') {
  const result = await processPush(engine, manager, {
    pushVersion: 1, clientGroupID, schemaVersion: '1',
    mutations: mutations.map((m) => {
      const clientID = `${clientGroupID}-1`;
      lastIds.set(clientID, (lastIds.get(clientID) ?? 0) + 1);
      return { ...m, id: lastIds.get(clientID) as number, clientID, timestamp: 0 };
    }),
  }, 10_000);
  expect(result.response).toEqual({});
}
const product = (n: number, priceCents = 100) => ({ name: 'upsertProduct', args: { id: `p${n}`, name: `P${n}`, priceCents, stationType: 'grill', prepSeconds: 60 } });

async function pullAs(principal: typeof manager | typeof kitchen, group: string, cookie: Cookie | null, on = engine): Promise<PullResponse> {
  const res = await processPull(on, principal, { pullVersion: 1, clientGroupID: group, schemaVersion: '1', cookie });
  if ('error' in res) throw new Error(res.error);
  return res;
}

describe('pull by change, not by view size', () => {
  it('answers an unchanged view in one statement, and one changed row of 1,000 with that row alone in two', async () => {
    await push(Array.from({ length: 1000 }, (_, n) => product(n)));
    const first = await pullAs(manager, 'g1', null);
    expect(first.patch).toHaveLength(1001);
    const { db, take } = countStatements(raw);
    const counted = new SyncEngine(db);

    const same = await pullAs(manager, 'g1', first.cookie, counted);
    expect(same).toEqual({ cookie: first.cookie, lastMutationIDChanges: {}, patch: [] });
    expect(take()).toBe(1);

    await push([product(7, 999)], 'g1');
    take();
    const next = await pullAs(manager, 'g1', first.cookie, counted);
    expect(next.patch).toEqual([{ op: 'put', key: 'product/p7', value: expect.objectContaining({ priceCents: 999 }) }]);
    expect(next.lastMutationIDChanges).toEqual({ 'g1-1': 1 });
    expect(next.cookie.order).toBeGreaterThan(first.cookie.order);
    expect(take()).toBe(2);
    // The CVR that statement recorded answers the next pull: nothing changed since.
    expect(await pullAs(manager, 'g1', next.cookie, counted)).toEqual({ cookie: next.cookie, lastMutationIDChanges: {}, patch: [] });
    expect(take()).toBe(1);
  });

  it('answers a cookie it gave out in one statement, changed or not, and still finds a group purged since', async () => {
    await push([product(1)]);
    const { db, take } = countStatements(raw);
    const counted = new SyncEngine(db);
    const first = await pullAs(manager, 'g2', null, counted);
    await push([product(2)], 'g2');
    take();
    const next = await pullAs(manager, 'g2', first.cookie, counted);
    expect(next.patch).toEqual([{ op: 'put', key: 'product/p2', value: expect.objectContaining({ id: 'p2' }) }]);
    expect(next.lastMutationIDChanges).toEqual({ 'g2-1': 1 });
    expect(take()).toBe(1);
    expect(await pullAs(manager, 'g2', next.cookie, counted)).toEqual({ cookie: next.cookie, lastMutationIDChanges: {}, patch: [] });
    expect(take()).toBe(1);

    await raw.query("UPDATE replicache_client_groups SET last_seen = now() - interval '400 days' WHERE id = 'g2'");
    expect((await collectGarbage(raw)).purgedGroups).toBe(1);
    const gone = await processPull(counted, manager, { pullVersion: 1, clientGroupID: 'g2', schemaVersion: '1', cookie: next.cookie });
    expect(gone).toEqual({ error: 'ClientStateNotFound' });
  });

  it('tells the client about a deleted row, whichever code path deleted it', async () => {
    await push([product(1), product(2)]);
    const first = await pullAs(manager, 'g1', null);
    await raw.query(`DELETE FROM products WHERE tenant_id = 't1' AND id = 'p1'`);
    expect((await pullAs(manager, 'g1', first.cookie)).patch).toEqual([{ op: 'del', key: 'product/p1' }]);
  });

  it('answers a cookie of another client group of the same principal (a fork) with clear and the full view', async () => {
    await push([product(1)]);
    const other = await pullAs(manager, 'g-old', null);
    const forked = await pullAs(manager, 'g-new', other.cookie);
    expect(forked.patch[0]).toEqual({ op: 'clear' });
    expect(forked.patch.slice(1).map((op) => ('key' in op ? op.key : op.op)).sort()).toEqual(other.patch.slice(1).map((op) => ('key' in op ? op.key : op.op)).sort());
  });

  it('keeps the customer’s tracking token out of kitchen replicas', async () => {
    await push([...demoProducts, ...demoStations].map((args) => ({ name: 'id' in args && 'capacity' in args ? 'upsertStation' : 'upsertProduct', args })));
    await push([
      { name: 'createOrder', args: { id: 'o1', channel: 'takeaway', customer: { name: 'Ada' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }], at: 1 } },
      { name: 'confirmOrder', args: { orderId: 'o1', at: 2 } },
    ]);
    const valueOf = (res: PullResponse, key: string) => res.patch.find((op) => op.op === 'put' && op.key === key) as { value: Record<string, unknown> } | undefined;
    const managers = await pullAs(manager, 'gm', null);
    const kitchens = await pullAs(kitchen, 'gk', null);
    expect(valueOf(managers, 'order/o1')?.value.trackingToken).toMatch(/^ks_customer_/);
    expect(valueOf(kitchens, 'order/o1')?.value).toMatchObject({ id: 'o1', status: 'confirmed' });
    expect(valueOf(kitchens, 'order/o1')?.value).not.toHaveProperty('trackingToken');
  });
});
