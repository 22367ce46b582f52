import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoProducts, demoStations } from '@kitchensync/shared';
import type { Database } from '../db/database.ts';
import { migratedMemoryDatabase } from '../db/memory-database.ts';
import { countStatements } from '../db/statement-counter.ts';
import { processPush } from './push.ts';
import { SyncEngine } from './sync-engine.ts';

const manager = { tokenId: 'tok-m', role: 'manager' as const, tenantId: 't1' };
let raw: Database;
let nextId = 1;
beforeEach(async () => {
  nextId = 1;
  raw = await migratedMemoryDatabase({ id: 't1', name: 'push test' });
});
afterEach(async () => raw.close());

const push = (engine: SyncEngine, mutations: { name: string; args: unknown }[]) =>
  processPush(engine, manager, {
    pushVersion: 1, clientGroupID: 'g1', schemaVersion: '1',
    mutations: mutations.map((m) => ({ ...m, id: nextId++, clientID: 'c1', timestamp: 0 })),
  }, 1000);

describe('push statements', () => {
  it('a one-mutation push of a known group is at most 8 statements, whatever the mutation', async () => {
    await push(new SyncEngine(raw), [...demoProducts.map((args) => ({ name: 'upsertProduct', args })), ...demoStations.map((args) => ({ name: 'upsertStation', args }))]);
    const { db, take } = countStatements(raw);
    const counted = new SyncEngine(db);
    const one = async (name: string, args: unknown) => {
      expect(await push(counted, [{ name, args }])).toEqual({ response: {}, processed: 1 });
      return take();
    };
    // BEGIN, lock, group and reads, write, COMMIT.
    expect(await one('upsertProduct', { ...demoProducts[0], priceCents: 1234 })).toBe(5);
    expect(await one('createOrder', { id: 'o1', channel: 'takeaway', customer: { name: 'Ada', phone: '+44 20' }, items: [{ id: 'l1', productId: 'fries', quantity: 1 }], at: 1 })).toBeLessThanOrEqual(8);
    expect(await one('confirmOrder', { orderId: 'o1', at: 2 })).toBeLessThanOrEqual(8);
    // A refused mutation still costs no more, and leaves a rejection and its id processed.
    expect(await one('confirmOrder', { orderId: 'o1', at: 3 })).toBeLessThanOrEqual(8);
    const { rows } = await raw.query<{ key: string }>('SELECT key FROM rejections');
    expect(rows.map((r) => r.key)).toEqual([`rejection/c1/${nextId - 1}`]);
    const tokens = await raw.query<{ order_id: string }>(`SELECT order_id FROM tokens WHERE role = 'customer'`);
    expect(tokens.rows).toEqual([{ order_id: 'o1' }]);
  });

  it('reads a mutator asks for together go as one statement: confirming three products costs what one does', async () => {
    await push(new SyncEngine(raw), [...demoProducts.map((args) => ({ name: 'upsertProduct', args })), ...demoStations.map((args) => ({ name: 'upsertStation', args }))]);
    const { db, take } = countStatements(raw);
    const counted = new SyncEngine(db);
    const confirmCost = async (id: string, productIds: string[]) => {
      const items = productIds.map((productId, i) => ({ id: `l${i + 1}`, productId, quantity: 1 }));
      await push(counted, [{ name: 'createOrder', args: { id, channel: 'takeaway', customer: { name: 'Ada' }, items, at: 1 } }]);
      take();
      expect(await push(counted, [{ name: 'confirmOrder', args: { orderId: id, at: 2 } }])).toEqual({ response: {}, processed: 1 });
      return take();
    };
    const three = demoProducts.slice(0, 3).map((p) => p.id);
    expect(await confirmCost('o3', three)).toBe(await confirmCost('o1', three.slice(0, 1)));
    const { rows } = await raw.query<{ n: number }>(`SELECT count(*)::int AS n FROM kitchen_orders WHERE order_id IN ('o1', 'o3')`);
    expect(rows[0]?.n).toBeGreaterThan(1);
  });
});
