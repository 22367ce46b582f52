// Postgres round trips and SQL statements per push and pull, counted in this process on a fresh
// database running the server's own push and pull code: a round trip is one `pg` query (a
// multi-statement script or an extended-protocol query is one), a statement is what
// `countStatements` counts (BEGIN and COMMIT included).
import pg from 'pg';
import { demoProducts, demoStations } from '@kitchensync/shared';
import { migrate } from '../../server/src/db/migrate.ts';
import { openPostgres } from '../../server/src/db/postgres.ts';
import { countStatements } from '../../server/src/db/statement-counter.ts';
import { processPull } from '../../server/src/sync/pull.ts';
import { processPush } from '../../server/src/sync/push.ts';
import { SyncEngine } from '../../server/src/sync/sync-engine.ts';
import type { Cookie } from '../../server/src/sync/protocol.ts';
import { createDatabase } from './server-process.ts';

/** Counts every query any `pg` client of this process sends. */
function countQueries(): { take(): number; restore(): void } {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count += 1;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  return { take: () => count - (count = 0), restore: () => void (pg.Client.prototype.query = original) };
}

export async function roundTrips() {
  const database = await createDatabase();
  const raw = await openPostgres(database.url);
  const queries = countQueries();
  try {
    await migrate(raw);
    await raw.query(`INSERT INTO tenants (id, name) VALUES ('t1', 'bench')`);
    const { db, take } = countStatements(raw);
    const engine = new SyncEngine(db);
    const manager = { tokenId: 'tok1', role: 'manager' as const, tenantId: 't1' };
    const kitchen = { tokenId: 'tok2', role: 'kitchen' as const, tenantId: 't1' };
    let id = 0;
    const push = (name: string, args: unknown) => {
      id += 1;
      return processPush(engine, manager, { pushVersion: 1, clientGroupID: 'g1', schemaVersion: '1', mutations: [{ id, clientID: 'c1', name, args, timestamp: Date.now() }] }, 1000);
    };
    const cookies = new Map<string, Cookie | null>();
    const pull = async (group: string, principal: typeof manager | typeof kitchen) => {
      const answer = await processPull(engine, principal, { pullVersion: 1, clientGroupID: group, schemaVersion: '1', cookie: cookies.get(group) ?? null });
      if ('cookie' in answer) cookies.set(group, answer.cookie);
      return answer;
    };
    for (const args of demoProducts) await push('upsertProduct', { ...args, allergens: [] });
    for (const args of demoStations) await push('upsertStation', { ...args, capacity: 1000 });
    await pull('m1', manager);
    await pull('k1', kitchen);
    const rows: Record<string, { roundTrips: number; statements: number; patch?: number }> = {};
    const book = async (kind: string, run: () => Promise<unknown>) => {
      take();
      queries.take();
      const answer = (await run()) as { patch?: unknown[] };
      rows[kind] = { roundTrips: queries.take(), statements: take(), ...(answer.patch ? { patch: answer.patch.length } : {}) };
    };
    const items = demoProducts.slice(0, 3).map((p, i) => ({ id: `l${i + 1}`, productId: p.id, quantity: 1 }));
    // Twice: the second order runs on statements each connection has already prepared.
    for (const n of [1, 2]) {
      await book('push createOrder', () => push('createOrder', { id: `o${n}`, channel: 'dine_in', customer: { name: 'T' }, items, at: Date.now() }));
      await book('pull manager (changed)', () => pull('m1', manager));
      await book('pull kitchen after createOrder', () => pull('k1', kitchen));
      await book('push confirmOrder', () => push('confirmOrder', { orderId: `o${n}`, at: Date.now() }));
      await book('pull kitchen after confirmOrder', () => pull('k1', kitchen));
      await book('pull unchanged', () => pull('k1', kitchen));
      const { rows: tickets } = await raw.query<{ id: string }>(`SELECT id FROM kitchen_orders WHERE tenant_id = 't1' AND order_id = $1 ORDER BY id`, [`o${n}`]);
      const first = tickets[0]?.id as string;
      await book('push setKitchenItemStatus (start)', () => push('setKitchenItemStatus', { kitchenOrderId: first, itemId: 'l1', status: 'in_progress', at: Date.now() }));
      for (const t of tickets) await book('push bumpKitchenOrder', () => push('bumpKitchenOrder', { kitchenOrderId: t.id, at: Date.now() }));
      await book('push handOffOrder', () => push('handOffOrder', { orderId: `o${n}`, at: Date.now() }));
    }
    return rows;
  } finally {
    queries.restore();
    await raw.close();
    await database.drop();
  }
}
