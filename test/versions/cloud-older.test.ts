import { clientSchemaVersion, type KitchenOrder } from '@kitchensync/shared';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../support/child-server.ts';
import { placeOrder, seedMenu, ticketsOf } from '../support/kitchen-fixture.ts';
import { previousRelease, previousShared } from '../support/previous-release.ts';
import { startProxy } from '../support/proxy.ts';
import { newClient, settle } from '../support/replicache-client.ts';
import { api, createTenant, startServer } from '../support/server.ts';
import { durableStorage } from '../support/storage.ts';
import { waitUntil } from '../support/wait.ts';
import type { HubStatus } from '../../server/src/hub/hub-protocol.ts';
import { hubEnv, issueHubToken } from '../hub/hub-support.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe('a cloud older than its hub (a rollout that reached the hub first)', () => {
  it('forwards what the old cloud knows; keeps a newer mutator queued, says the cloud must be updated, and hands it over once after the update', async () => {
    const prev = previousRelease();
    const old = await previousShared(prev);
    const storage = await durableStorage('postgres');
    cleanups.push(() => storage.remove());
    const cloudDb = new pg.Pool({ connectionString: storage.env['DATABASE_URL'], max: 2 });
    cleanups.push(() => cloudDb.end());
    const oldCloud = await startChildServer(storage, { builtServerDir: join(prev.dir, 'server') });
    cleanups.push(() => oldCloud.stop());
    const tenant = await createTenant(oldCloud);
    const hubToken = await issueHubToken(oldCloud, tenant.tenantId);
    const manager = newClient(oldCloud, tenant.managerToken, old);
    cleanups.push(() => manager.close());
    await seedMenu(manager);
    for (const id of ['o1', 'o2', 'o3']) await placeOrder(manager, id);
    await settle(manager);

    const link = await startProxy(oldCloud);
    cleanups.push(() => link.close());
    const hubData = await durableStorage('pglite');
    cleanups.push(() => hubData.remove());
    const hub = await startServer({ storage: hubData, env: hubEnv(link, { ...tenant, hubToken: hubToken.token, hubTokenId: hubToken.id }) });
    cleanups.push(() => hub.stop());
    const oldTerminal = newClient(hub, tenant.kitchenToken, old);
    const newTerminal = newClient(hub, tenant.kitchenToken, { schemaVersion: String(clientSchemaVersion) });
    cleanups.push(() => oldTerminal.close(), () => newTerminal.close());
    const lastAtCloud = async (clientID: string) =>
      Number((await cloudDb.query<{ n: number }>('SELECT last_mutation_id AS n FROM replicache_clients WHERE id = $1', [clientID])).rows[0]?.n ?? 0);
    const hubStatus = async () => (await api<HubStatus>(hub, tenant.kitchenToken, 'GET', '/api/hub/status')).body;
    const bump = async (orderId: string) => {
      const [ticket] = await ticketsOf(oldTerminal, orderId);
      await oldTerminal.mutate.bumpKitchenOrder({ kitchenOrderId: ticket!.id, at: Date.now() });
      await settle(oldTerminal, 20_000);
    };

    // A schema-1 change goes through the new hub to the old cloud as before.
    await bump('o1');
    await waitUntil(async () => (await lastAtCloud(oldTerminal.clientID)) === 1, 20_000, 'the schema-1 bump at the old cloud');

    // A schema-2 mutator the old cloud does not know: the hub applies it and keeps it, and says why.
    const [ticket] = await ticketsOf(newTerminal, 'o2');
    await newTerminal.mutate.moveKitchenItem({ kitchenOrderId: ticket!.id, itemId: ticket!.items[0]!.id, event: 'start', at: Date.now() });
    await settle(newTerminal, 20_000);
    await waitUntil(async () => (await hubStatus()).cloudOutdated, 20_000, 'the hub to say the cloud must be updated');
    // Behind it, in order, the schema-1 terminal's next change waits too; none reaches the old cloud.
    await bump('o3');
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await hubStatus()).toMatchObject({ upstream: 'offline', pending: 2, cloudOutdated: true });
    expect(await lastAtCloud(newTerminal.clientID)).toBe(0);
    expect(await lastAtCloud(oldTerminal.clientID)).toBe(1);

    // The cloud is updated on its database and port: the outbox drains, each change once, none refused.
    const { port } = new URL(oldCloud.url);
    await oldCloud.stop();
    const cloud = await startServer({ storage, env: { PORT: port } });
    cleanups.push(() => cloud.stop());
    await waitUntil(async () => (await hubStatus()).upstream === 'online', 30_000, 'the outbox to drain into the updated cloud');
    expect(await hubStatus()).toMatchObject({ pending: 0, cloudOutdated: false });
    expect(await lastAtCloud(newTerminal.clientID)).toBe(1);
    expect(await lastAtCloud(oldTerminal.clientID)).toBe(2);
    const repeated = await cloudDb.query('SELECT 1 FROM events WHERE client_id IS NOT NULL GROUP BY client_id, mutation_id, type, data::text HAVING count(*) > 1');
    expect(repeated.rows).toEqual([]);
    expect((await cloudDb.query('SELECT key FROM rejections')).rows).toEqual([]);
    const atCloud = (await cloudDb.query<{ data: KitchenOrder }>('SELECT data FROM kitchen_orders WHERE id = $1', [ticket!.id])).rows[0]?.data;
    expect(atCloud?.items[0]?.status).toBe('in_progress');
  }, 180_000);
});
