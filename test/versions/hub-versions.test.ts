import { clientSchemaVersion } from '@kitchensync/shared';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, thisServerDir } from '../support/child-server.ts';
import { placeOrder, seedMenu, ticketsOf } from '../support/kitchen-fixture.ts';
import { previousRelease, previousShared } from '../support/previous-release.ts';
import { startProxy } from '../support/proxy.ts';
import { newClient, settle, type Client } from '../support/replicache-client.ts';
import { createTenant, startServer } from '../support/server.ts';
import { durableStorage } from '../support/storage.ts';
import { serverOlderThanApp } from '../../sync-client/src/index.ts';
import { waitUntil } from '../support/wait.ts';
import { hubEnv, issueHubToken } from '../hub/hub-support.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});
const later = <T extends { stop(): Promise<void> } | { close(): Promise<void> }>(thing: T) => {
  cleanups.push(() => ('stop' in thing ? thing.stop() : thing.close()));
  return thing;
};

type Query = (sql: string, params: unknown[]) => Promise<{ rows: unknown[] }>;

/** The cloud's record of one client's mutations: its last id, and effects applied more than once. */
async function cloudRecord(query: Query, clientID: string) {
  const last = (await query('SELECT last_mutation_id AS n FROM replicache_clients WHERE id = $1', [clientID])).rows as { n: number }[];
  const twice = await query('SELECT 1 FROM events WHERE client_id = $1 GROUP BY mutation_id, type, data::text HAVING count(*) > 1', [clientID]);
  return { lastMutationID: last[0]?.n ?? 0, repeated: twice.rows.length };
}

const bumpFirst = async (terminal: Client, orderId: string) => {
  const [ticket] = await ticketsOf(terminal, orderId);
  await terminal.mutate.bumpKitchenOrder({ kitchenOrderId: ticket!.id, at: Date.now() });
};

describe('a restaurant hub and its cloud on different releases', () => {
  it('hub older than the cloud: its own schema forwards (and queues through a cut); a newer terminal waits for the hub update', async () => {
    const cloud = later(await startServer({ backend: 'postgres' }));
    const tenant = await createTenant(cloud);
    const hubToken = await issueHubToken(cloud, tenant.tenantId);
    const manager = later(newClient(cloud, tenant.managerToken));
    await seedMenu(manager);
    for (const id of ['o1', 'o2', 'o3', 'o4']) await placeOrder(manager, id);
    await settle(manager);
    const link = later(await startProxy(cloud));
    const env = hubEnv(link, { ...tenant, hubToken: hubToken.token, hubTokenId: hubToken.id });
    const hubData = await durableStorage('pglite');
    cleanups.push(() => hubData.remove());
    const prev = previousRelease();
    let hub = await startChildServer(hubData, { env, builtServerDir: join(prev.dir, 'server') });
    cleanups.push(() => hub.stop());
    const cloudDb: Query = (sql, params) => cloud.running.db.query(sql, params);

    const termLink = later(await startProxy(hub));
    const name = `terminal-${Date.now()}`;
    const oldTerminal = newClient(termLink, tenant.kitchenToken, { ...(await previousShared(prev)), name });
    await bumpFirst(oldTerminal, 'o1');
    await settle(oldTerminal, 20_000);
    await link.cut();
    await bumpFirst(oldTerminal, 'o2');
    await settle(oldTerminal, 20_000);
    await link.restore();
    // Offline from the hub, one more bump; then the terminal is updated to schema 2 before sending it.
    await termLink.cut();
    await bumpFirst(oldTerminal, 'o3');
    await new Promise((r) => setTimeout(r, 2500));
    await oldTerminal.close();
    await termLink.restore();

    const updateNeeded: unknown[] = [];
    const newTerminal = later(newClient(termLink, tenant.kitchenToken, { name, schemaVersion: String(clientSchemaVersion) }));
    newTerminal.onUpdateNeeded = (reason) => void updateNeeded.push(reason);
    // Mutation recovery sends the old group's bump through the old hub (schema 1, which it serves) ...
    await waitUntil(async () => (await cloudRecord(cloudDb, oldTerminal.clientID)).lastMutationID === 3, 30_000, 'recovery through the old hub');
    // ... while the new schema is refused, and the screen knows the hub is the one to update.
    await newTerminal.pull({ now: true });
    expect(updateNeeded[0]).toEqual({ type: 'VersionNotSupported', versionType: 'schema' });
    expect(await serverOlderThanApp(hub.url)).toBe(true);

    // The hub is updated on its data directory and port: the newer terminal's change goes through, once.
    const { port } = new URL(hub.url);
    await hub.stop();
    hub = await startChildServer(hubData, { env: { ...env, PORT: port }, builtServerDir: thisServerDir });
    await waitUntil(async () => (await newTerminal.pull({ now: true }).then(() => ticketsOf(newTerminal, 'o4'))).length > 0, 30_000, 'the updated hub to serve schema 2');
    const [ticket] = await ticketsOf(newTerminal, 'o4');
    await newTerminal.mutate.moveKitchenItem({ kitchenOrderId: ticket!.id, itemId: ticket!.items[0]!.id, event: 'start', at: Date.now() });
    await settle(newTerminal, 30_000);
    const record = (rep: Client) => cloudRecord(cloudDb, rep.clientID);
    expect(await record(oldTerminal)).toEqual({ lastMutationID: 3, repeated: 0 });
    expect(await record(newTerminal)).toEqual({ lastMutationID: 1, repeated: 0 });
  }, 240_000);
});
