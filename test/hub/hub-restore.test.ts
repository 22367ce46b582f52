import { cpSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import type { Proxy } from '../support/proxy.ts';
import { api, type TestServer } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { mutation, productArgs, push, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';
import { hubEnv, repeatedMutations, startCloud, stopCloud, type HubTenant } from './hub-support.ts';

/**
 * Issue 23, point 7: a hub's data directory copied to a new machine (a new DATA_DIR) while
 * changes wait in its outbox; the hub started there hands each of them to the cloud once.
 */
describe('a hub restored from a copy of its data directory on a new machine', () => {
  let cloud: TestServer;
  let tenant: HubTenant;
  let link: Proxy;
  const storages: DurableStorage[] = [];
  let hub: ChildServer | undefined;
  let started: Awaited<ReturnType<typeof startCloud>> | undefined;

  beforeAll(async () => {
    started = await startCloud('Restore Bistro');
    ({ cloud, tenant, link } = started);
  }, 60_000);
  afterAll(async () => {
    await hub?.kill();
    await stopCloud(started);
    await Promise.all(storages.map((s) => s.remove()));
  });

  it('drains the copied outbox exactly once, and the old machine started again by mistake sends nothing twice', async () => {
    const [oldMachine, newMachine] = [await durableStorage('pglite'), await durableStorage('pglite')];
    storages.push(oldMachine, newMachine);
    hub = await startChildServer(oldMachine, { env: hubEnv(link, tenant) });
    await link.cut();
    const client = uniqueId('c');
    const group = uniqueId('g');
    for (let id = 1; id <= 20; id += 1) {
      expect((await push(hub, tenant.managerToken, pushBody(group, [mutation(client, id, 'upsertProduct', productArgs(`${client}-${id}`))]))).status).toBe(200);
    }
    expect((await api<{ pending: number }>(hub, tenant.managerToken, 'GET', '/api/hub/status')).body.pending).toBe(20);
    // The old machine stops (or dies) with its queue; its directory is the backup.
    await hub.stop();
    cpSync(oldMachine.env.DATA_DIR as string, newMachine.env.DATA_DIR as string, { recursive: true });
    await link.restore();
    hub = await startChildServer(newMachine, { env: hubEnv(link, tenant) });
    const applied = async () => (await cloud.running.db.query<{ mutation_id: number }>('SELECT mutation_id FROM events WHERE client_id = $1 ORDER BY mutation_id', [client])).rows.map((r) => r.mutation_id);
    await waitUntil(async () => (await applied()).length >= 20, 20_000, 'the restored hub to drain');
    await waitUntil(async () => (await api<{ pending: number }>(hub as ChildServer, tenant.managerToken, 'GET', '/api/hub/status')).body.pending === 0, 10_000, 'an empty outbox');
    expect(await applied()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    // The old machine is started again by mistake, with the same queue: the cloud skips what it has.
    await hub.stop();
    hub = await startChildServer(oldMachine, { env: hubEnv(link, tenant) });
    await waitUntil(async () => (await api<{ pending: number }>(hub as ChildServer, tenant.managerToken, 'GET', '/api/hub/status')).body.pending === 0, 20_000, 'the old hub to drain');
    expect(await applied()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await repeatedMutations(cloud.running.db, tenant.tenantId)).toEqual([]);
  }, 120_000);
});
