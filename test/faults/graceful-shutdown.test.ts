import { demoStations } from '@kitchensync/shared';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { lockTenant } from '../../server/src/db/tenant-lock.ts';
import { startChildServer } from '../support/child-server.ts';
import { createTenant, startServer } from '../support/server.ts';
import { durableStorage } from '../support/storage.ts';
import { waitUntil } from '../support/wait.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const mutations = 50;

describe('graceful shutdown (SIGTERM)', () => {
  it('answers a push in flight, and it is applied once', async () => {
    const storage = await durableStorage('postgres');
    cleanups.push(() => storage.remove());
    const child = await startChildServer(storage);
    cleanups.push(() => child.kill());
    const tenant = await createTenant(child);
    const station = demoStations[0]!;
    const clientID = `shutdown-${Date.now()}`;
    const body = {
      pushVersion: 1,
      clientGroupID: `${clientID}-group`,
      schemaVersion: '1',
      mutations: Array.from({ length: mutations }, (_, i) => ({
        id: i + 1,
        clientID,
        name: 'upsertStation',
        args: { ...station, name: `${station.name} ${i + 1}` },
        timestamp: Date.now(),
      })),
    };
    // The test holds the tenant's write lock, so the push waits inside its transaction when SIGTERM comes.
    const holder = new pg.Client({ connectionString: storage.env['DATABASE_URL'] });
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query('BEGIN');
    await holder.query(lockTenant(tenant.tenantId));
    const push = fetch(`${child.url}/api/replicache/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.managerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await waitUntil(async () => (await holder.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")).rows.length > 0, 10_000, 'the push to wait for the lock');
    const stopped = child.stop();
    await new Promise((r) => setTimeout(r, 500));
    await holder.query('COMMIT');
    const answer = await push;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({});
    await stopped;
    expect(child.process.exitCode).toBe(0);

    // Started again on the same data: the push's mutations are there, each once.
    const again = await startServer({ storage });
    cleanups.push(() => again.stop());
    const client = await again.running.db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM replicache_clients WHERE id = $1', [clientID]);
    expect(client.rows[0]?.last_mutation_id).toBe(mutations);
    const events = await again.running.db.query<{ n: number }>('SELECT count(DISTINCT mutation_id)::int AS n FROM events WHERE client_id = $1', [clientID]);
    expect(events.rows[0]?.n).toBe(mutations);
  }, 120_000);
});
