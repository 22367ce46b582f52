import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder, seedMenu, ticketsOf } from '../support/kitchen-fixture.ts';
import { connectedClient, settle } from '../support/replicache-client.ts';
import { api, createTenant, startServer, type TestServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';

/**
 * Ends the server's dedicated LISTEN connection, as a Postgres restart or a network blip would.
 * Resolves once the server listens again and its reconnect handlers (the token cache's reset,
 * the catch-up poke) have run: one test's late reconnect must not land in the next test.
 */
async function dropListener(server: TestServer): Promise<{ back: Promise<void> }> {
  let off = () => {};
  const back = new Promise<void>((resolve) => {
    off = server.running.engine.onReconnect(() => resolve());
  }).finally(() => off());
  const { rows } = await server.running.db.query<{ ended: boolean }>(
    `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'`,
  );
  expect(rows.length).toBeGreaterThan(0);
  return { back };
}

describe('the LISTEN connection of a server on Postgres', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ backend: 'postgres' });
  });
  afterAll(async () => server.stop());

  it('comes back after Postgres drops it, and clients hear of pushes made meanwhile', async () => {
    const tenant = await createTenant(server);
    const manager = await connectedClient(server, tenant.managerToken);
    const kitchen = await connectedClient(server, tenant.kitchenToken);
    try {
      await seedMenu(manager.rep);
      await settle(manager.rep);
      await waitUntil(() => kitchen.socket.pokes > 0, 5000, 'a first poke');

      const pokesBefore = kitchen.socket.pokes;
      const listener = await dropListener(server);
      // Pushed at once: its NOTIFY may fall in the gap, which the reconnect's catch-up poke covers.
      await placeOrder(manager.rep, 'o1');
      await settle(manager.rep);

      await ticketsOf(kitchen.rep, 'o1');
      // A pull already under way may bring o1 before the reconnect's catch-up poke arrives.
      await waitUntil(() => kitchen.socket.pokes > pokesBefore, 5000, 'a poke after the listener came back');
      await listener.back;
      // Listening again: later pushes poke as before.
      await placeOrder(manager.rep, 'o2');
      await settle(manager.rep);
      await ticketsOf(kitchen.rep, 'o2');
    } finally {
      await manager.close();
      await kitchen.close();
    }
  });

  it('one reconnect serves both: the token cache is forgotten before the catch-up poke goes out', async () => {
    const tenant = await createTenant(server);
    const kitchen = await connectedClient(server, tenant.kitchenToken);
    try {
      expect((await api(server, tenant.managerToken, 'GET', '/api/orders')).status).toBe(200);
      // Revoked behind the servers' back (no NOTIFY): the cached principal would still answer for 30 s.
      await server.running.db.query('UPDATE tokens SET revoked_at = now() WHERE id = $1', [tenant.managerTokenId]);
      expect((await api(server, tenant.managerToken, 'GET', '/api/orders')).status).toBe(200);
      const pokesBefore = kitchen.socket.pokes;
      const listener = await dropListener(server);
      await waitUntil(() => kitchen.socket.pokes > pokesBefore, 10_000, 'the catch-up poke after the listener came back');
      await listener.back;
      expect((await api(server, tenant.managerToken, 'GET', '/api/orders')).status).toBe(401);
    } finally {
      await kitchen.close();
    }
  });
});
