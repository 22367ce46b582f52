// Runs: CI runs the property 25 times (FC_RUNS unset); each run sends 4 to 10 rounds of concurrent
// pushes from 2 to 5 clients in 1 to 3 client groups, each push to one of two engines (two server
// processes on one database), then one push per client with everything.
// FC_RUNS=n overrides the count.
import fc from 'fast-check';
import { rejectionKey } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { migratedMemoryDatabase } from '../../server/src/db/memory-database.ts';
import type { PushRequest } from '../../server/src/sync/protocol.ts';
import { SyncEngine } from '../../server/src/sync/sync-engine.ts';
import { processPush } from '../../server/src/sync/push.ts';
import { fcRuns } from './support/runs.ts';

const numRuns = fcRuns(25);

interface Client {
  id: string;
  group: string;
  /** Its mutations, ids 1..n: true for one the server must refuse (a confirm of a missing order). */
  refused: boolean[];
}

/** A push of `client`'s mutations `from`..`to` (a re-send when `from` is already processed, a gap when it is past the next) to process `engine`. */
interface Send {
  engine: number;
  client: number;
  from: number;
  to: number;
}

/** Each client's mutations (a quarter of them refused), its group, and rounds of sends. */
const scenarioArb = fc
  .record({
    groups: fc.integer({ min: 1, max: 3 }),
    refused: fc.array(fc.array(fc.integer({ min: 0, max: 3 }).map((x) => x === 0), { minLength: 1, maxLength: 8 }), { minLength: 2, maxLength: 5 }),
  })
  .chain(({ groups, refused }) =>
    fc.record({
      refused: fc.constant(refused),
      groupOf: fc.tuple(...refused.map(() => fc.integer({ min: 0, max: groups - 1 }))),
      rounds: fc.array(
        fc.array(
          fc.record({ engine: fc.nat({ max: 1 }), client: fc.integer({ min: 0, max: refused.length - 1 }), from: fc.integer({ min: 1, max: 8 }), span: fc.integer({ min: 0, max: 4 }) }),
          { minLength: 1, maxLength: 6 },
        ),
        { minLength: 4, maxLength: 10 },
      ),
    }),
  );

let run = 0;
const mutationOf = (client: Client, id: number) =>
  client.refused[id - 1]
    ? { id, clientID: client.id, name: 'confirmOrder', args: { orderId: `missing-${client.id}-${id}`, at: 1 }, timestamp: id }
    : { id, clientID: client.id, name: 'upsertProduct', args: { id: `${client.id}-m${id}`, name: `Dish ${id}`, priceCents: 100 + id, stationType: 'grill', prepSeconds: 60 }, timestamp: id };

describe('pushes committed in batches (pglite, processPush direct)', () => {
  let db: Database;
  /** Two processes: what one remembers of the ids it committed (`ProcessedIds`) falls behind the other's pushes. */
  let engines: SyncEngine[];
  beforeAll(async () => {
    db = await migratedMemoryDatabase();
    engines = [new SyncEngine(db), new SyncEngine(db)];
  });
  afterAll(async () => db.close());

  it('apply every mutation exactly once, in order per client, whatever the batches, re-sends and gaps', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        run += 1;
        const tenantId = `t${run}`;
        await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [tenantId, 'Batches']);
        const principal = { tokenId: 'tok', role: 'manager' as const, tenantId };
        const clients: Client[] = scenario.refused.map((refused, i) => ({ id: `r${run}c${i}`, group: `r${run}g${scenario.groupOf[i]}`, refused }));
        const push = (sends: readonly Send[]) =>
          // Started in one tick: the first runs alone, the rest share the next batch.
          Promise.all(
            sends.map(({ engine, client, from, to }) => {
              const c = clients[client] as Client;
              const ids = Array.from({ length: Math.max(0, Math.min(to, c.refused.length) - from + 1) }, (_, k) => from + k);
              const body = { pushVersion: 1, clientGroupID: c.group, profileID: 'p', schemaVersion: '1', mutations: ids.map((id) => mutationOf(c, id)) };
              return processPush(engines[engine] as SyncEngine, principal, body as PushRequest, 100);
            }),
          );
        // The hint must be a lower bound: a mutation past what the database committed is never skipped as processed.
        const hintsBehindDatabase = async () => {
          for (const c of clients) {
            const stored = await db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM replicache_clients WHERE id = $1', [c.id]);
            const next = { clientID: c.id, id: (stored.rows[0]?.last_mutation_id ?? 0) + 1 };
            for (const engine of engines) expect(engine.processed.unprocessed([next]), `${c.id} #${next.id}`).toEqual([next]);
          }
        };
        for (const round of scenario.rounds) {
          await push(round.map(({ engine, client, from, span }) => ({ engine, client, from, to: from + span })));
          await hintsBehindDatabase();
        }
        await push(clients.map((_, client) => ({ engine: client % 2, client, from: 1, to: 8 })));

        for (const c of clients) {
          const n = c.refused.length;
          const lmid = await db.query<{ last_mutation_id: number; client_group_id: string }>('SELECT last_mutation_id, client_group_id FROM replicache_clients WHERE id = $1', [c.id]);
          expect(lmid.rows).toEqual([{ last_mutation_id: n, client_group_id: c.group }]);
          const applied = Array.from({ length: n }, (_, k) => k + 1).filter((id) => !c.refused[id - 1]);
          const events = await db.query<{ mutation_id: number }>('SELECT mutation_id FROM events WHERE client_id = $1 ORDER BY seq', [c.id]);
          expect(events.rows.map((e) => e.mutation_id), `events of ${c.id}`).toEqual(applied);
          const products = await db.query<{ id: string }>('SELECT id FROM products WHERE tenant_id = $1 AND id LIKE $2 ORDER BY id', [tenantId, `${c.id}-m%`]);
          expect(products.rows.map((p) => p.id).sort()).toEqual(applied.map((id) => `${c.id}-m${id}`).sort());
          const refusedIds = Array.from({ length: n }, (_, k) => k + 1).filter((id) => c.refused[id - 1]);
          const rejections = await db.query<{ client_group_id: string; key: string }>(
            'SELECT client_group_id, key FROM rejections WHERE tenant_id = $1 AND key LIKE $2 ORDER BY key',
            [tenantId, `rejection/${c.id}/%`],
          );
          expect(rejections.rows.map((r) => r.key).sort()).toEqual(refusedIds.map((id) => rejectionKey(c.id, id)).sort());
          expect(new Set(rejections.rows.map((r) => r.client_group_id))).toEqual(new Set(refusedIds.length > 0 ? [c.group] : []));
        }
      }),
      { numRuns },
    );
    const { writes, transactions } = engines[0]!.writes.counters;
    expect(transactions, 'pushes started together were committed together').toBeLessThan(writes);
  });
});
