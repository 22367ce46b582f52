import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { placeOrder, seedMenu, ticketsOf } from '../support/kitchen-fixture.ts';
import { adminPostgresUrl, freshPostgresDatabase } from '../support/postgres.ts';
import { startProxy } from '../support/proxy.ts';
import { newClient, readTickets, serverView, settle, waitFor } from '../support/replicache-client.ts';
import { api, createTenant, startServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/**
 * A restore without pgBackRest, on the test cluster: the database is copied aside (the backup) and
 * later put back in its place with a new epoch, as `scripts/backup.sh restore` leaves it. The
 * server reaches Postgres through a proxy that is cut meanwhile, as a stopped cluster would be.
 */
async function restorableDatabase() {
  const db = await freshPostgresDatabase();
  const name = new URL(db.url).pathname.slice(1);
  const backup = `${name}_backup`;
  const admin = new pg.Client({ connectionString: adminPostgresUrl });
  await admin.connect();
  const link = await startProxy({ url: adminPostgresUrl.replace(/^postgres:/, 'http:') });
  const viaLink = new URL(db.url);
  viaLink.port = new URL(link.url).port;
  const sessionsGone = () =>
    waitUntil(async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [name])).rows.length === 0, 10_000, 'sessions to end');
  cleanups.push(async () => {
    await link.close();
    await admin.query(`DROP DATABASE IF EXISTS ${backup} WITH (FORCE)`);
    await admin.end();
    await db.drop();
  });
  return {
    url: viaLink.toString(),
    async backUp() {
      await link.cut();
      await sessionsGone();
      await admin.query(`CREATE DATABASE ${backup} TEMPLATE ${name}`);
      await link.restore();
    },
    async restore() {
      await link.cut();
      await sessionsGone();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${backup}`);
      const restored = new pg.Client({ connectionString: db.url });
      await restored.connect();
      const { rows } = await restored.query<{ epoch: string }>('INSERT INTO sync_epochs (epoch) VALUES (gen_random_uuid()::text) RETURNING epoch');
      await restored.end();
      await link.restore();
      return rows[0]!.epoch;
    },
  };
}

describe('a server that stays up while its database is restored', () => {
  it('serves the restored state, not what it remembered from the future the restore undid', async () => {
    const database = await restorableDatabase();
    const server = await startServer({ databaseUrl: database.url });
    cleanups.push(() => server.stop());
    const tenant = await createTenant(server);
    const manager = newClient(server, tenant.managerToken);
    cleanups.push(() => manager.close());
    await seedMenu(manager);
    await placeOrder(manager, 'before');
    await settle(manager);
    const kitchen = newClient(server, tenant.kitchenToken);
    cleanups.push(() => kitchen.close());
    let told = 0;
    kitchen.onClientStateNotFound = () => void (told += 1);
    await ticketsOf(kitchen, 'before');

    await database.backUp();
    const healthy = () => waitUntil(async () => (await fetch(`${server.url}/api/health`)).status === 200, 20_000, 'the server to reach its database');
    await healthy();
    // After the backup: an order the kitchen sees (from this process's remembered views), and a token.
    await placeOrder(manager, 'after');
    await settle(manager, 20_000);
    await kitchen.pull({ now: true });
    await ticketsOf(kitchen, 'after');
    const later = await api<{ token: string }>(server, server.adminToken, 'POST', `/api/admin/tenants/${tenant.tenantId}/tokens`, { role: 'kitchen', label: 'later' });
    expect((await api(server, later.body.token, 'GET', '/api/kitchen/stations')).status).toBe(200);

    const epoch = await database.restore();
    await healthy();
    // The kitchen's cookie names a view record from after the backup: it is told to start again.
    await waitUntil(async () => {
      await kitchen.pull({ now: true }).catch(() => undefined);
      return told > 0;
    }, 20_000, 'the kitchen to be told its state is gone');
    await waitUntil(() => server.running.engine.epoch === epoch, 10_000, 'the server to read the new epoch');
    expect((await api(server, later.body.token, 'GET', '/api/kitchen/stations')).status).toBe(401);
    const view = await serverView(server, tenant.kitchenToken);
    expect(Object.keys(view).some((k) => k.includes('before'))).toBe(true);
    expect(Object.keys(view).some((k) => k.includes('after'))).toBe(false);

    // And it writes on the restored state: a new order reaches a new kitchen replica.
    const manager2 = newClient(server, tenant.managerToken);
    cleanups.push(() => manager2.close());
    await manager2.pull({ now: true });
    await waitFor(manager2, (tx) => tx.has('product/burger'), Boolean);
    await placeOrder(manager2, 'restored');
    await settle(manager2, 20_000);
    const kitchen2 = newClient(server, tenant.kitchenToken);
    cleanups.push(() => kitchen2.close());
    await ticketsOf(kitchen2, 'restored');
    expect((await readTickets(kitchen2)).map((t) => t.orderId).sort()).toEqual(['before', 'restored']);
  }, 120_000);
});
