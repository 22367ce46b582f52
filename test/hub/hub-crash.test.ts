import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import type { Proxy } from '../support/proxy.ts';
import { api, type TestServer } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { mutation, productArgs, push, pushBody, uniqueId } from '../support/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';
import { hubEnv, repeatedMutations, startCloud, type HubTenant } from './hub-support.ts';

/** Kill points: once the cloud has taken this many of the 60 queued changes (0: as the link comes back). */
const killAfterTaken = [0, 1, 15, 30, 45];

describe('a hub killed with -9 while it forwards its queue (cloud on Postgres, hub on PGlite on disk)', () => {
  let cloud: TestServer;
  let tenant: HubTenant;
  let link: Proxy;
  let storage: DurableStorage;
  let hub: ChildServer;
  let closeManager: () => Promise<void>;

  beforeAll(async () => {
    const started = await startCloud('Crash Bistro');
    ({ cloud, tenant, link } = started);
    closeManager = () => started.manager.close();
    storage = await durableStorage('pglite');
    hub = await startChildServer(storage, { env: hubEnv(link, tenant) });
  }, 60_000);
  afterAll(async () => {
    await hub?.kill();
    await closeManager?.();
    await link?.close();
    await cloud?.stop();
    await storage?.remove();
  });

  const restartHub = async () => {
    hub = await startChildServer(storage, { env: hubEnv(link, tenant) });
  };
  const pending = async () => (await api<{ pending: number }>(hub, tenant.managerToken, 'GET', '/api/hub/status')).body.pending;
  /** What the cloud applied of one client: each mutation id, as often as it was applied. */
  const appliedAtCloud = async (clientID: string) =>
    (await cloud.running.db.query<{ mutation_id: number }>('SELECT mutation_id FROM events WHERE client_id = $1 ORDER BY mutation_id', [clientID])).rows.map(
      (r) => r.mutation_id,
    );

  /** Pushes at the hub, cut off from the cloud, `pushes` times `perPush` mutations over three client groups; returns what the hub confirmed. */
  async function confirmWhileCut(pushes: number, perPush: number) {
    const clients = [0, 1, 2].map(() => ({ group: uniqueId('g'), client: uniqueId('c'), next: 1 }));
    for (let p = 0; p < pushes; p += 1) {
      const c = clients[p % clients.length] as (typeof clients)[number];
      const mutations = Array.from({ length: perPush }, () => {
        const id = c.next++;
        return mutation(c.client, id, 'upsertProduct', productArgs(`${c.client}-${id}`));
      });
      const res = await push(hub, tenant.managerToken, pushBody(c.group, mutations));
      expect(res.status).toBe(200);
    }
    return clients.map((c) => ({ client: c.client, confirmed: c.next - 1 }));
  }

  it.each(killAfterTaken)('delivers every confirmed change exactly once after a kill -9 once the cloud took %i', async (taken) => {
    await link.cut();
    const confirmed = await confirmWhileCut(12, 5);
    expect(await pending()).toBe(60);

    await link.restore();
    const atCloud = async () => (await Promise.all(confirmed.map((c) => appliedAtCloud(c.client)))).flat().length;
    await waitUntil(async () => (await atCloud()) >= taken, 10_000, `the cloud to take ${taken}`);
    await hub.kill('SIGKILL');
    process.stdout.write(`hub killed with ${await atCloud()} of 60 changes at the cloud\n`);
    await restartHub();
    await waitUntil(async () => (await pending()) === 0, 15_000, 'the restarted hub to drain');

    for (const { client, confirmed: count } of confirmed) {
      expect(await appliedAtCloud(client)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    }
    expect(await repeatedMutations(cloud.running.db, tenant.tenantId)).toEqual([]);
  }, 60_000);

  it('keeps a change the hub confirmed just before it was killed, and hands it to the cloud after the restart', async () => {
    await link.cut();
    const client = uniqueId('c');
    const res = await push(hub, tenant.kitchenToken, pushBody(uniqueId('g'), [mutation(client, 1, 'setProductSoldOut', { productId: 'burger', soldOut: true, at: Date.now() })]));
    expect(res.status).toBe(200);
    await hub.kill('SIGKILL');
    await link.restore();
    await restartHub();
    await waitUntil(async () => (await appliedAtCloud(client)).length > 0, 15_000, 'the change at the cloud');
    expect(await appliedAtCloud(client)).toEqual([1]);
  }, 60_000);
});
