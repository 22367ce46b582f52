// SQL statements per push and pull, counted in this process on an in-memory PGlite running the
// server's own push and pull code (BEGIN and COMMIT included).
import { openDatabase } from '../../server/src/db/open.ts';
import { migrate } from '../../server/src/db/migrate.ts';
import { countStatements } from '../../server/src/db/statement-counter.ts';
import { processPush } from '../../server/src/sync/push.ts';
import { processPull } from '../../server/src/sync/pull.ts';
import { SyncEngine } from '../../server/src/sync/sync-engine.ts';

export async function statementCounts() {
  const raw = await openDatabase('memory://', '');
  try {
    await migrate(raw);
    await raw.query(`INSERT INTO tenants (id, name) VALUES ('t1', 'bench')`);
    const { db, take } = countStatements(raw);
    const engine = new SyncEngine(db);
    const principal = { tokenId: 'tok1', role: 'manager' as const, tenantId: 't1' };
    let id = 0;
    const push = (name: string, args: unknown) => {
      id += 1;
      return processPush(engine, principal, {
        pushVersion: 1, clientGroupID: 'g1', schemaVersion: '1',
        mutations: [{ id, clientID: 'c1', name, args, timestamp: Date.now() }],
      }, 1000);
    };
    const product = (n: number) => ({ id: `p${n}`, name: `P${n}`, priceCents: 100 + n, stationType: 'grill', prepSeconds: 60 });
    await push('upsertProduct', product(0));
    take();
    await push('upsertProduct', product(1));
    const upsertProduct = take();
    await push('createOrder', { id: 'o1', channel: 'takeaway', customer: { name: 'Bench' }, items: [{ id: 'l1', productId: 'p0', quantity: 1 }], at: Date.now() });
    const createOrder = take();
    const pull = (cookie: unknown) => processPull(engine, principal, { pullVersion: 1, clientGroupID: 'g1', schemaVersion: '1', cookie: cookie as never });
    const first = await pull(null);
    take();
    await push('upsertProduct', product(2));
    take();
    const changed = await pull('cookie' in first ? first.cookie : null);
    const changedPull = take();
    await pull('cookie' in changed ? changed.cookie : null);
    const unchangedPull = take();
    return { upsertProduct, createOrder, changedPull, unchangedPull };
  } finally {
    await raw.close();
  }
}
