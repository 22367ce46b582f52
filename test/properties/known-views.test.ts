// Runs: CI runs the property 20 times (FC_RUNS unset); each run interleaves 20 to 60 random
// mutator calls (the kitchen model's) with pulls by a manager, a kitchen and a customer, through
// two engines (two processes), and now and then purges a client group. FC_RUNS=n overrides.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadonlyJSONValue } from '@kitchensync/shared';
import type { Principal } from '../../server/src/auth/principal.ts';
import type { Database } from '../../server/src/db/database.ts';
import { migratedMemoryDatabase } from '../../server/src/db/memory-database.ts';
import { collectGarbage } from '../../server/src/sync/gc.ts';
import type { Cookie, PushRequest } from '../../server/src/sync/protocol.ts';
import { processPull, type PullResponse } from '../../server/src/sync/pull.ts';
import { processPush } from '../../server/src/sync/push.ts';
import { SyncEngine } from '../../server/src/sync/sync-engine.ts';
import { callFor, runCall, type Call } from './support/intent-calls.ts';
import { intentArb, kitchen, menu, modelStore, orderIds, type Intent } from './support/kitchen-model.ts';
import { fcRuns } from './support/runs.ts';

const numRuns = fcRuns(20);

type Step =
  | { kind: 'write'; engine: number; intent: Intent }
  | { kind: 'pull'; engine: number; viewer: number; group: number; stale: boolean }
  | { kind: 'purge'; viewer: number; group: number };

const engineArb = fc.nat({ max: 1 });
const viewerArb = fc.nat({ max: 2 });
const groupArb = fc.nat({ max: 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('write' as const), engine: engineArb, intent: intentArb }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('pull' as const), engine: engineArb, viewer: viewerArb, group: groupArb, stale: fc.constantFrom(false, false, false, false, false, true) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('purge' as const), viewer: viewerArb, group: groupArb }) },
);

/** One client group's replicas as its patches built them, one per cookie it was given (oldest first). */
type History = { cookie: Cookie; rows: Map<string, ReadonlyJSONValue> }[];

function applyPatch(replica: Map<string, ReadonlyJSONValue>, patch: PullResponse['patch']): void {
  for (const op of patch) {
    if (op.op === 'clear') replica.clear();
    else if (op.op === 'del') replica.delete(op.key);
    else replica.set(op.key, op.value);
  }
}

const sorted = (rows: Map<string, ReadonlyJSONValue>) => [...rows].sort(([a], [b]) => a.localeCompare(b));

describe('what a process remembers of the views it served (KnownViews) against the database', () => {
  let db: Database;
  let run = 0;
  beforeAll(async () => {
    db = await migratedMemoryDatabase();
  });
  afterAll(async () => db.close());

  it('a replica built by pulls through remembering processes always equals its view read afresh', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 20, maxLength: 60 }), async (steps) => {
        run += 1;
        const tenantId = `kv${run}`;
        await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2)', [tenantId, 'Known views']);
        const viewers: Principal[] = [
          { tokenId: `${tenantId}-m`, role: 'manager', tenantId },
          { tokenId: `${tenantId}-k`, role: 'kitchen', tenantId },
          { tokenId: `${tenantId}-c`, role: 'customer', tenantId, orderId: orderIds[0] },
        ];
        // Two processes that remember what they served; a view read afresh is a third that remembers nothing.
        const engines = [new SyncEngine(db), new SyncEngine(db)];
        const model = await modelStore('server');
        let mutationId = 0;
        const push = async (engine: SyncEngine, call: Call) => {
          mutationId += 1;
          const mutation = { id: mutationId, clientID: `${tenantId}-writer`, name: call.name, args: call.args, timestamp: mutationId };
          const body: PushRequest = { pushVersion: 1, clientGroupID: `${tenantId}-till`, profileID: 'p', schemaVersion: '1', mutations: [mutation] } as PushRequest;
          const result = await processPush(engine, viewers[0] as Principal, body, 100);
          expect(result.response).toEqual({});
        };
        for (const args of menu) await push(engines[0] as SyncEngine, { name: 'upsertProduct', args });
        for (const args of kitchen) await push(engines[0] as SyncEngine, { name: 'upsertStation', args });

        const histories = new Map<string, History>();
        const groupId = (viewer: number, group: number) => `${tenantId}-v${viewer}g${group}`;
        let fresh = 0;
        const readAfresh = async (viewer: Principal) => {
          fresh += 1;
          const answer = await processPull(new SyncEngine(db), viewer, { pullVersion: 1, clientGroupID: `${tenantId}-fresh${fresh}`, schemaVersion: '1', cookie: null } as never);
          if ('error' in answer) throw new Error(`a fresh view: ${answer.error}`);
          const rows = new Map<string, ReadonlyJSONValue>();
          applyPatch(rows, answer.patch);
          return rows;
        };

        for (const [i, step] of steps.entries()) {
          if (step.kind === 'write') {
            const call = callFor(step.intent, model, 10_000 + i * 60_000);
            await runCall(call, model).catch(() => undefined); // the model only picks ids; the server decides
            await push(engines[step.engine] as SyncEngine, call);
          } else if (step.kind === 'purge') {
            const id = groupId(step.viewer, step.group);
            await db.query("UPDATE replicache_client_groups SET last_seen = now() - interval '40 days' WHERE id = $1", [id]);
            await collectGarbage(db);
            histories.delete(id);
          } else {
            const id = groupId(step.viewer, step.group);
            const viewer = viewers[step.viewer] as Principal;
            const history = histories.get(id) ?? [];
            // A stale cookie: a second tab of the group (a fork) still on its first answer.
            const base = step.stale ? history[0] : history.at(-1);
            const cookie = base?.cookie ?? null;
            const answer = await processPull(engines[step.engine] as SyncEngine, viewer, { pullVersion: 1, clientGroupID: id, schemaVersion: '1', cookie } as never);
            if ('error' in answer) {
              // Only a purged group is told to start again; its next replica begins from nothing.
              expect(answer.error).toBe('ClientStateNotFound');
              expect(cookie).not.toBeNull();
              histories.delete(id);
              continue;
            }
            const rows = new Map(base?.rows);
            applyPatch(rows, answer.patch);
            if (!step.stale) histories.set(id, [...history, { cookie: answer.cookie, rows }]);
            expect(sorted(rows), `step ${i}: ${viewer.role} pulled through engine ${step.engine}`).toEqual(sorted(await readAfresh(viewer)));
          }
        }
      }),
      { numRuns },
    );
  }, 240_000);
});
