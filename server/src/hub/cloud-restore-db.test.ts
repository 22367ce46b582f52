import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { openPglite } from '../db/pglite.ts';
import { currentEpoch, isSupersededEpoch } from '../sync/restore-epochs.ts';
import { forgetGroupsAhead, pruneForwarded, requeueLost } from './cloud-restore.ts';
import { enqueue, markForwarded, nextForwardable, outboxSummary } from './outbox.ts';

const push = (clientGroupID: string, clientID: string, ids: number[]) => ({
  pushVersion: 1,
  clientGroupID,
  schemaVersion: '2',
  profileID: 'p',
  mutations: ids.map((id) => ({ id, clientID, name: 'createOrder', args: { id: `${clientID}-${id}` }, timestamp: id })),
});

/** The statements a hub runs across a restore of its cloud, on the hub's own database (PGlite). */
describe('a hub’s outbox and client groups across a cloud restore (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite('memory://');
    await migrate(db);
    await db.query(`INSERT INTO tenants (id, name) VALUES ('t', 'T')`);
  });
  afterAll(async () => db.close());

  it('puts back, in their first order, only the forwarded mutations above the cloud’s last ids, and prunes only forwarded ones', async () => {
    await enqueue(db, 'tok', push('gA', 'a', [1, 2, 3]), 1, true); // forwarded straight through
    await enqueue(db, 'tok', push('gB', 'b', [1, 2]), 2); // queued while cut off...
    const queued = await nextForwardable(db, 100);
    await markForwarded(db, [...(queued?.seqs.values() ?? [])]); // ...then drained
    await enqueue(db, 'tok', push('gA', 'a', [4]), 3); // still waiting
    expect((await outboxSummary(db)).pending).toBe(1);

    // The restored cloud has a up to 1 and b not at all.
    expect(await requeueLost(db, [{ id: 'a', clientGroupID: 'gA', lastMutationID: 1 }])).toBe(4);
    const order: string[] = [];
    for (let next = await nextForwardable(db, 100); next; next = await nextForwardable(db, 100)) {
      order.push(...next.push.mutations.map((m) => `${m.clientID}${m.id}`));
      await markForwarded(db, [...next.seqs.values()]);
    }
    expect(order).toEqual(['a2', 'a3', 'b1', 'b2', 'a4']);

    await pruneForwarded(db, 60_000);
    expect((await db.query('SELECT count(*)::int AS n FROM hub_outbox')).rows[0]).toEqual({ n: 6 });
    await enqueue(db, 'tok', push('gA', 'a', [5]), 4);
    await pruneForwarded(db, 0);
    expect((await db.query('SELECT client_id, mutation_id FROM hub_outbox')).rows).toEqual([{ client_id: 'a', mutation_id: 5 }]);
  });

  it('drops the groups whose terminals saw ids the cloud lacks, with their view records, and starts a new epoch that supersedes theirs and the cloud’s ended one', async () => {
    await db.query(`INSERT INTO replicache_client_groups (id, tenant_id, token_id) VALUES ('g1', 't', 'tok'), ('g2', 't', 'tok')`);
    await db.query(`INSERT INTO replicache_clients (id, client_group_id, last_mutation_id) VALUES ('c1', 'g1', 5), ('c2', 'g2', 9)`);
    await db.query(`INSERT INTO client_view_records (id, client_group_id, cvr_order, head, made_at, clients) VALUES ('v1', 'g1', 1, 1, now(), '{}'), ('v2', 'g2', 1, 1, now(), '{}')`);
    const before = await currentEpoch(db);
    const cloud = [{ id: 'c1', clientGroupID: 'g1', lastMutationID: 5 }, { id: 'c2', clientGroupID: 'g2', lastMutationID: 7 }];

    const restart = await db.transaction((q) => forgetGroupsAhead(q, 't', cloud, ['cloud-before']));
    expect(restart).toEqual({ epoch: await currentEpoch(db), groupsReset: 1 });
    expect(await isSupersededEpoch(db, before)).toBe(true);
    // A cookie the cloud gave out before its restore (a terminal whose last pull was there) is of an ended epoch here too.
    expect(await isSupersededEpoch(db, 'cloud-before')).toBe(true);
    expect((await db.query('SELECT id FROM client_view_records ORDER BY id')).rows).toEqual([{ id: 'v1' }]);
    expect((await db.query('SELECT id FROM replicache_client_groups WHERE id LIKE $1 ORDER BY id', ['g_'])).rows).toEqual([{ id: 'g1' }]);
    // Nothing ahead any more: no group dropped; the epochs still move on.
    const again = await db.transaction((q) => forgetGroupsAhead(q, 't', cloud, ['cloud-before', 'cloud-next']));
    expect(again).toEqual({ epoch: await currentEpoch(db), groupsReset: 0 });
    expect(await isSupersededEpoch(db, 'cloud-next')).toBe(true);
  });
});
