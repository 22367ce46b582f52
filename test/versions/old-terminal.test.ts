import { clientSchemaVersion, type KitchenOrder } from '@kitchensync/shared';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer } from '../support/child-server.ts';
import { placeOrder, seedMenu, serverRecordOf, ticketsOf } from '../support/kitchen-fixture.ts';
import { previousRelease, previousShared } from '../support/previous-release.ts';
import { startProxy } from '../support/proxy.ts';
import { newClient, pendingCount, readTickets, settle, type Client } from '../support/replicache-client.ts';
import { createTenant, startServer, type TestServer } from '../support/server.ts';
import { durableStorage } from '../support/storage.ts';
import { waitUntil } from '../support/wait.ts';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const orders = ['v1', 'v2', 'v3', 'v4', 'v5'];
const distinctIds = (events: { mutation_id: number }[]) => [...new Set(events.map((e) => e.mutation_id))].sort((a, b) => a - b);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Four moves a ticket, 20 in all; the item moves go through setKitchenItemStatus, which schema 2 renamed. */
async function workOffline(terminal: Client, tickets: KitchenOrder[]) {
  const at = Date.now();
  for (const t of tickets) {
    const itemId = t.items[0]!.id;
    await terminal.mutate.setKitchenItemStatus({ kitchenOrderId: t.id, itemId, status: 'in_progress', at });
    await terminal.mutate.setKitchenItemStatus({ kitchenOrderId: t.id, itemId, status: 'done', at });
    await terminal.mutate.bumpKitchenOrder({ kitchenOrderId: t.id, at });
    await terminal.mutate.recallKitchenOrder({ kitchenOrderId: t.id, at });
  }
}

describe('an old kitchen terminal with pending changes across a server upgrade (Postgres)', () => {
  it('N−1 offline changes are applied once by N; after its own update, mutation recovery sends what the old group held, once', async () => {
    const release = previousRelease();
    const old = await previousShared(release);
    expect(Number(old.schemaVersion)).toBe(clientSchemaVersion - 1);
    expect(Object.keys(old.mutators)).not.toContain('moveKitchenItem');

    const storage = await durableStorage('postgres');
    cleanups.push(() => storage.remove());
    const oldServer = await startChildServer(storage, { builtServerDir: join(release.dir, 'server') });
    cleanups.push(() => oldServer.stop());
    const tenant = await createTenant(oldServer);
    const proxy = await startProxy(oldServer);
    cleanups.push(() => proxy.close());

    const manager = newClient(oldServer, tenant.managerToken, old);
    await seedMenu(manager);
    for (const id of orders) await placeOrder(manager, id);
    await settle(manager);
    await manager.close();

    // The terminal on release N−1 sees its tickets, then loses the network and keeps working.
    const name = `old-terminal-${Date.now()}`;
    const terminal = newClient(proxy, tenant.kitchenToken, { ...old, name });
    await terminal.pull({ now: true });
    const tickets = [];
    for (const id of orders) tickets.push(...(await ticketsOf(terminal, id)));
    await proxy.cut();
    await workOffline(terminal, tickets);
    expect(await pendingCount(terminal)).toBe(20);

    // The servers are upgraded to N on the same port and database while the terminal is offline.
    const port = new URL(oldServer.url).port;
    await oldServer.stop();
    const server: TestServer = await startServer({ databaseUrl: storage.env['DATABASE_URL']!, env: { PORT: port } });
    cleanups.push(() => server.running.close());
    await proxy.restore();
    await settle(terminal, 30_000);
    const first = await serverRecordOf(server.running.db, terminal.clientID);
    expect(first.lastMutationID).toBe(20);
    expect(distinctIds(first.events)).toEqual(range(1, 20));
    expect(first.events.filter((e) => e.type === 'kitchen_order.status_changed')).toHaveLength(15);
    for (const t of await readTickets(terminal)) expect([t.status, t.items[0]?.status]).toEqual(['in_progress', 'done']);

    // Offline again, five bumps; then the terminal is updated before it could send them.
    await proxy.cut();
    for (const t of tickets) await terminal.mutate.bumpKitchenOrder({ kitchenOrderId: t.id, at: Date.now() });
    expect(await pendingCount(terminal)).toBe(5);
    // Replicache writes its store about a second after a change; then the old build quits.
    await new Promise((r) => setTimeout(r, 2500));
    const oldGroup = await terminal.clientGroupID;
    await terminal.close();
    await proxy.restore();

    const updated = newClient(proxy, tenant.kitchenToken, { name });
    cleanups.push(() => updated.close());
    expect(await updated.clientGroupID).not.toBe(oldGroup);
    await waitUntil(async () => (await serverRecordOf(server.running.db, terminal.clientID)).lastMutationID === 25, 30_000, 'mutation recovery');
    // A pull asked for here may queue behind one under way: wait for the replica to show the bumps.
    await updated.pull({ now: true });
    await waitUntil(async () => (await readTickets(updated)).filter((t) => t.status === 'ready').length === tickets.length, 10_000, 'the bumps in the updated replica');
    const after = await serverRecordOf(server.running.db, terminal.clientID);
    expect(distinctIds(after.events)).toEqual(range(1, 25));
    expect(after.events.filter((e) => e.type === 'kitchen_order.status_changed')).toHaveLength(20);
    for (const t of await readTickets(updated)) expect(t.status).toBe('ready');

    // Version N speaks the new name; the same server still took the old one above.
    const fresh = (await readTickets(updated))[0]!;
    await updated.mutate.recallKitchenOrder({ kitchenOrderId: fresh.id, at: Date.now() });
    await updated.mutate.moveKitchenItem({ kitchenOrderId: fresh.id, itemId: fresh.items[0]!.id, event: 'undo', at: Date.now() });
    await settle(updated);
    expect((await readTickets(updated)).find((t) => t.id === fresh.id)?.items[0]?.status).toBe('in_progress');
  }, 180_000);
});
