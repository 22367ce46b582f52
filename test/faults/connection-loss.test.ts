import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { adminPostgresUrl } from '../support/postgres.ts';
import { api, createTenant, type TestTenant } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { checkConverged, seedLoadMenu, startMixedLoad } from './support/mixed-load.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Postgres cuts every connection of the server to its database, as on a restart or a reaper. */
async function terminateConnections(databaseUrl: string): Promise<number> {
  const admin = new pg.Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  try {
    const database = new URL(databaseUrl).pathname.slice(1);
    const { rows } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    return rows.length;
  } finally {
    await admin.end();
  }
}

describe('lost database connections (Postgres)', () => {
  let storage: DurableStorage;
  let server: ChildServer;
  let tenant: TestTenant;
  beforeAll(async () => {
    storage = await durableStorage('postgres');
    server = await startChildServer(storage);
    tenant = await createTenant(server);
    await seedLoadMenu(server, tenant);
  });
  afterAll(async () => {
    await server.stop();
    await storage.remove();
  });

  it('survives connection terminations under REST, push and pull load: only 200s and 503s, then the load succeeds and clients converge', async () => {
    const load = startMixedLoad(server, tenant);
    let terminated = 0;
    for (let round = 0; round < 6; round++) {
      await sleep(250);
      terminated += await terminateConnections(storage.env.DATABASE_URL as string);
    }
    await sleep(300);
    await load.stop();
    expect(terminated).toBeGreaterThan(6);
    expect(server.process.exitCode).toBeNull();
    const statuses = Object.fromEntries(load.statuses);
    expect(Object.keys(statuses).every((s) => ['200', '201', '503'].includes(s)), JSON.stringify(statuses)).toBe(true);
    expect(statuses['503'] ?? 0, JSON.stringify(statuses)).toBeGreaterThan(0);

    const after = await api(server, tenant.managerToken, 'POST', '/api/orders', { channel: 'takeaway', customer: { name: 'After' }, items: [{ productId: 'burger', quantity: 1 }] });
    expect(after.status).toBe(201);
    const { orders } = await checkConverged(load, storage.env.DATABASE_URL as string);
    expect(orders).toBeGreaterThan(4);
    await load.close();
    process.stdout.write(`connection loss: ${terminated} connections terminated; answers ${JSON.stringify(statuses)}; ${orders} client orders, none lost or repeated\n`);
  });
});

describe('two server processes starting at once on an empty database', () => {
  it('both come up and each migration is applied once', async () => {
    const storage = await durableStorage('postgres');
    const servers = await Promise.all([startChildServer(storage), startChildServer(storage), startChildServer(storage)]);
    try {
      for (const s of servers) expect((await api(s, undefined, 'GET', '/api/health')).status).toBe(200);
      const db = new pg.Client({ connectionString: storage.env.DATABASE_URL });
      await db.connect();
      const { rows } = await db.query<{ id: number; n: number }>('SELECT id, count(*)::int AS n FROM migrations GROUP BY id ORDER BY id');
      await db.end();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.n === 1)).toBe(true);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await storage.remove();
    }
  });
});
