import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { openPglite } from '../../server/src/db/pglite.ts';
import { openPostgres } from '../../server/src/db/postgres.ts';
import { countStatements } from '../../server/src/db/statement-counter.ts';
import { channels } from '../../server/src/sync/notify.ts';
import { PokeRelay } from '../../server/src/sync/poke-relay.ts';
import type { PokeMessage } from '../../server/src/sync/tenant-write.ts';
import { freshPostgresDatabase } from '../support/postgres.ts';
import { waitUntil } from '../support/wait.ts';

const fail = (error: unknown) => {
  throw error;
};

describe('PokeRelay: the pokes of this process’s commits, to the other processes, after the commit', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
  let db: Database;
  beforeAll(async () => {
    database = await freshPostgresDatabase();
    db = await openPostgres(database.url);
  });
  afterAll(async () => {
    await db.close();
    await database.drop();
  });

  it('sends each poke once, named as this process’s; those committed while one is on its way go together', async () => {
    const heard: PokeMessage[] = [];
    const stop = await db.listen(channels.poke, (payload) => heard.push(JSON.parse(payload) as PokeMessage));
    const counted = countStatements(db);
    const relay = new PokeRelay(counted.db, 'process-a', fail);
    const pokes = Array.from({ length: 50 }, (_, i) => ({ t: `tenant-${i % 7}`, o: [`order-${i}`] }));
    for (const poke of pokes) relay.send(poke);
    await relay.settled();
    // The first alone, the 49 sent while it was on its way in one statement.
    expect(counted.take()).toBe(2);
    await waitUntil(() => heard.length >= pokes.length, 5_000, 'every poke heard');
    expect(heard).toEqual(pokes.map((p) => ({ ...p, s: 'process-a' })));
    await stop();
  });

  it('reports a NOTIFY that failed, and sends the next pokes', async () => {
    const failures: unknown[] = [];
    let down = true;
    const flaky: Database = { ...db, query: (sql, params, options) => (down ? Promise.reject(new Error('Connection terminated unexpectedly')) : db.query(sql, params, options)) };
    const heard: string[] = [];
    const stop = await db.listen(channels.poke, (payload) => heard.push(payload));
    const relay = new PokeRelay(flaky, 'process-b', (error) => failures.push(error));
    relay.send({ t: 'tenant-lost' });
    await relay.settled();
    down = false;
    relay.send({ t: 'tenant-next' });
    await relay.settled();
    expect(failures.map((e) => (e as Error).message)).toEqual(['Connection terminated unexpectedly']);
    await waitUntil(() => heard.length > 0, 5_000, 'the next poke heard');
    expect(heard.map((p) => (JSON.parse(p) as PokeMessage).t)).toEqual(['tenant-next']);
    await stop();
  });

  it('sends nothing on PGlite: its one process has delivered the poke already', async () => {
    const pglite = await openPglite('memory://');
    const counted = countStatements(pglite);
    const relay = new PokeRelay(counted.db, 'process-c', fail);
    relay.send({ t: 'tenant-1' });
    await relay.settled();
    expect(counted.take()).toBe(0);
    await pglite.close();
  });
});
