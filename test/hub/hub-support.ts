import type { Database } from '../../server/src/db/database.ts';
import { seedMenu } from '../support/kitchen-fixture.ts';
import { startProxy } from '../support/proxy.ts';
import { connectedClient, settle } from '../support/replicache-client.ts';
import { api, createTenant, startServer, type TestTenant } from '../support/server.ts';
import { durableStorage } from '../support/storage.ts';

/** A hub token for the tenant, issued the way an admin does it. */
export async function issueHubToken(server: { url: string; adminToken: string }, tenantId: string) {
  const issued = await api<{ id: string; token: string; role: string }>(server, server.adminToken, 'POST', `/api/admin/tenants/${tenantId}/tokens`, {
    role: 'hub',
    label: 'hub',
  });
  if (issued.status !== 201) throw new Error(`hub token: ${issued.status} ${JSON.stringify(issued.body)}`);
  return issued.body;
}

export type HubTenant = TestTenant & { hubToken: string; hubTokenId: string };

/** A cloud on Postgres with one tenant, its menu, a hub token, and a proxy a test can cut between the hub and it. */
export async function startCloud(name = 'Hub Bistro') {
  const cloud = await startServer({ backend: 'postgres' });
  const tenant = await createTenant(cloud, name);
  const hub = await issueHubToken(cloud, tenant.tenantId);
  const manager = await connectedClient(cloud, tenant.managerToken);
  await seedMenu(manager.rep);
  await settle(manager.rep);
  const link = await startProxy(cloud);
  return { cloud, tenant: { ...tenant, hubToken: hub.token, hubTokenId: hub.id } as HubTenant, manager, link };
}

/** Stops what `startCloud` started. */
export async function stopCloud(started: Awaited<ReturnType<typeof startCloud>> | undefined): Promise<void> {
  await started?.manager.close();
  await started?.link.close();
  await started?.cloud.stop();
}

/** The hub's environment: the cloud (through `link`), its token, and a quick backstop pull for tests. */
export const hubEnv = (link: { url: string }, tenant: HubTenant) => ({ HUB_UPSTREAM: link.url, HUB_TOKEN: tenant.hubToken, HUB_PULL_INTERVAL_MS: '1000' });

/** Every event of a (client, mutation) the cloud's audit holds more than once (a mutation applied twice): must be empty. */
export async function repeatedMutations(db: Database, tenantId: string) {
  const { rows } = await db.query<{ client_id: string; mutation_id: number; type: string; times: number }>(
    `SELECT client_id, mutation_id, type, count(*)::int AS times FROM events WHERE tenant_id = $1 AND client_id IS NOT NULL
     GROUP BY client_id, mutation_id, type, data HAVING count(*) > 1`,
    [tenantId],
  );
  return rows;
}

export async function cloudLastMutationID(db: Database, clientID: string): Promise<number> {
  const { rows } = await db.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM replicache_clients WHERE id = $1', [clientID]);
  return rows[0]?.last_mutation_id ?? 0;
}

/** A cloud (Postgres) and a hub (in-process, PGlite on disk, `extraEnv` added to its settings) mirroring it through a link a test can cut. */
export async function startHubWorld(name?: string, extraEnv: Record<string, string> = {}) {
  const { cloud, tenant, manager, link } = await startCloud(name);
  const storage = await durableStorage('pglite');
  let hub = await startServer({ storage, env: { ...hubEnv(link, tenant), ...extraEnv } });
  return {
    cloud,
    tenant,
    /** A manager's client straight on the cloud (a manager at home). */
    cloudManager: manager,
    link,
    get hub() {
      return hub;
    },
    /** Stops the hub and starts it again on its data, on the same port. */
    async restartHub() {
      const { port } = new URL(hub.url);
      await hub.stop();
      hub = await startServer({ storage, env: { ...hubEnv(link, tenant), ...extraEnv, PORT: port } });
    },
    async stop() {
      await hub.stop();
      await manager.close();
      await link.close();
      await cloud.stop();
      await storage.remove();
    },
  };
}
export type HubWorld = Awaited<ReturnType<typeof startHubWorld>>;
