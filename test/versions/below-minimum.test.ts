import { updateRequired } from '@kitchensync/shared';
import type { UpdateNeededReason } from 'replicache';
import { afterAll, describe, expect, it } from 'vitest';
import { createReplicache } from '../../sync-client/src/create-replicache.ts';
import { fetchServerVersion } from '../../sync-client/src/server-version.ts';
import { placeOrder, seedMenu, serverRecordOf, ticketsOf } from '../support/kitchen-fixture.ts';
import { previousRelease, previousShared } from '../support/previous-release.ts';
import { startProxy } from '../support/proxy.ts';
import { newClient, pendingCount, readTickets, settle } from '../support/replicache-client.ts';
import { createTenant, startServer, type TestServer } from '../support/server.ts';
import { durableStorage } from '../support/storage.ts';
import { waitUntil } from '../support/wait.ts';
import { repeatedMutations } from '../hub/hub-support.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const orders = ['m1', 'm2', 'm3', 'm4', 'm5'];

describe('a terminal older than the server’s minimum schema', () => {
  it('is told to update and keeps its offline changes; once updated, they are applied once', async () => {
    const old = await previousShared(previousRelease());
    const storage = await durableStorage('pglite');
    cleanups.push(() => storage.remove());
    let server: TestServer = await startServer({ storage });
    const tenant = await createTenant(server);
    const proxy = await startProxy(server);
    cleanups.push(() => proxy.close());
    const manager = newClient(server, tenant.managerToken);
    await seedMenu(manager);
    for (const id of orders) await placeOrder(manager, id);
    await settle(manager);
    await manager.close();

    // A schema-1 terminal sees its tickets, loses the network and bumps five of them.
    const name = `below-min-${Date.now()}`;
    const terminal = newClient(proxy, tenant.kitchenToken, { ...old, name });
    const updateNeeded: UpdateNeededReason[] = [];
    terminal.onUpdateNeeded = (reason) => void updateNeeded.push(reason);
    await terminal.pull({ now: true });
    const tickets = [];
    for (const id of orders) tickets.push(...(await ticketsOf(terminal, id)));
    await proxy.cut();
    for (const t of tickets) await terminal.mutate.bumpKitchenOrder({ kitchenOrderId: t.id, at: Date.now() });

    // Meanwhile the server stops serving schema 1 (the operator raised the minimum).
    const { port } = new URL(server.url);
    await server.stop();
    server = await startServer({ storage, env: { PORT: port, MIN_CLIENT_SCHEMA_VERSION: '2' } });
    cleanups.push(() => server.stop());
    await proxy.restore();
    await terminal.push({ now: true });
    await terminal.pull({ now: true });
    // Refused, told why (the screen's "update required": the server's minimum is above its schema), nothing lost or sent.
    expect(updateNeeded).toContainEqual({ type: 'VersionNotSupported', versionType: 'schema' });
    const health = await fetchServerVersion(proxy.url);
    expect(health?.minClientSchemaVersion).toBe(2);
    expect(updateRequired(health!, Number(old.schemaVersion))).toBe(true);
    expect(await pendingCount(terminal)).toBe(5);
    expect((await serverRecordOf(server.running.db, terminal.clientID)).lastMutationID).toBe(0);
    // Replicache writes its store about a second after a change; then the old build quits.
    await new Promise((r) => setTimeout(r, 2500));
    await terminal.close();

    // The app is updated (same replica name, this build's sync client): recovery sends the old group's changes, once.
    const updated = createReplicache({ serverUrl: proxy.url, token: tenant.kitchenToken, name, kvStore: 'mem', pullIntervalMs: 1000 });
    cleanups.push(() => updated.close());
    await waitUntil(async () => (await serverRecordOf(server.running.db, terminal.clientID)).lastMutationID === 5, 30_000, 'mutation recovery');
    const record = await serverRecordOf(server.running.db, terminal.clientID);
    expect([...new Set(record.events.map((e) => e.mutation_id))]).toEqual([1, 2, 3, 4, 5]);
    expect(await repeatedMutations(server.running.db, tenant.tenantId)).toEqual([]);
    await waitUntil(async () => (await readTickets(updated)).filter((t) => t.status === 'ready').length === 5, 10_000, 'the bumps in the updated replica');
    const rejections = await server.running.db.query<{ key: string }>('SELECT key FROM rejections WHERE tenant_id = $1', [tenant.tenantId]);
    expect(rejections.rows).toEqual([]);
    // And the updated terminal's own changes go through as schema 2.
    const [ticket] = await readTickets(updated);
    await updated.mutate.recallKitchenOrder({ kitchenOrderId: ticket!.id, at: Date.now() });
    await settle(updated, 20_000);
    expect((await serverRecordOf(server.running.db, updated.clientID)).lastMutationID).toBe(1);
  }, 120_000);
});
