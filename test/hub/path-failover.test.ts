import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, pathLabel, type SocketLike, type SyncClient } from '../../sync-client/src/index.ts';
import { startProxy, type Proxy } from '../support/proxy.ts';
import { pendingCount, settle, waitFor } from '../support/replicache-client.ts';
import type { TestServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { cloudLastMutationID, repeatedMutations, startHubWorld, type HubTenant, type HubWorld } from './hub-support.ts';

/**
 * A hub world and one screen set up with the cloud as its server and the hub, behind `hubLink`
 * (the screen's own link to it, which a test can cut), as its preferred path.
 */
async function terminalWorld(name: string) {
  const world = await startHubWorld(name);
  const hubLink = await startProxy(world.hub);
  const terminal = createSyncClient({
    serverUrl: world.cloud.url,
    hubUrl: hubLink.url,
    token: world.tenant.managerToken,
    kvStore: 'mem',
    pathProbeMs: 250,
    createSocket: (url) => {
      const ws = new WebSocket(url);
      // Closing a socket still connecting (a path switch) makes ws emit an error the client already expects.
      ws.on('error', () => undefined);
      return ws as unknown as SocketLike;
    },
  });
  return {
    world,
    hubLink,
    terminal,
    async stop() {
      await terminal.close();
      await hubLink.close();
      await world.stop();
    },
  };
}

describe('a terminal configured with its hub and the cloud', () => {
  let setup: Awaited<ReturnType<typeof terminalWorld>>;
  let cloud: TestServer;
  let tenant: HubTenant;
  let hubLink: Proxy;
  let terminal: SyncClient;

  beforeAll(async () => {
    setup = await terminalWorld('Failover Bistro');
    ({ hubLink, terminal } = setup);
    ({ cloud, tenant } = setup.world);
  }, 60_000);
  afterAll(async () => setup?.stop());

  /** How the cloud's audit has this terminal's mutation: through the hub or straight. */
  const cameThrough = async (mutationID: number) => {
    const { rows } = await cloud.running.db.query<{ via_hub_token_id: string | null }>(
      'SELECT DISTINCT via_hub_token_id FROM events WHERE client_id = $1 AND mutation_id = $2',
      [terminal.rep.clientID, mutationID],
    );
    return rows.map((r) => (r.via_hub_token_id === tenant.hubTokenId ? 'hub' : 'cloud'));
  };

  it('prefers the hub, falls back to the cloud within 5 s when the hub stops answering, and returns to it, each change once', async () => {
    await waitUntil(() => terminal.path?.get() === 'hub', 5000, 'the hub path');
    await waitFor(terminal.rep, (tx) => tx.get('product/burger'), (product) => product !== undefined);
    expect(pathLabel[terminal.path?.get() ?? 'offline']).toBe('via hub');
    await terminal.rep.mutate.createOrder({ id: 'path-1', channel: 'takeaway', customer: { name: 'Ada' }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() });
    await settle(terminal.rep);
    expect(await cameThrough(1)).toEqual(['hub']);

    await hubLink.cut();
    const cutAt = Date.now();
    await waitUntil(() => terminal.path?.get() === 'cloud', 5000, 'the fallback to the cloud');
    const fallbackMs = Date.now() - cutAt;
    process.stdout.write(`fell back to the cloud in ${fallbackMs} ms\n`);
    await terminal.rep.mutate.confirmOrder({ orderId: 'path-1', at: Date.now() });
    await settle(terminal.rep);
    expect(await cameThrough(2)).toEqual(['cloud']);

    // Back on the hub while the hub itself is cut off: the screen can say so.
    await setup.world.link.cut();
    await hubLink.restore();
    await waitUntil(() => terminal.path?.get() === 'hub', 5000, 'the return to the hub');
    await waitUntil(() => terminal.hubBacklog?.get()?.upstream === 'offline', 5000, 'the hub saying it is cut off');
    await setup.world.link.restore();
    await waitUntil(() => terminal.hubBacklog?.get()?.upstream === 'online', 5000, 'the hub back online');
    expect(terminal.hubBacklog?.get()).toMatchObject({ pending: 0 });
    await terminal.rep.mutate.cancelOrder({ orderId: 'path-1', reason: 'changed their mind', at: Date.now() });
    await settle(terminal.rep);
    expect(await cameThrough(3)).toEqual(['hub']);

    expect(await cloudLastMutationID(cloud.running.db, terminal.rep.clientID)).toBe(3);
    expect(await repeatedMutations(cloud.running.db, tenant.tenantId)).toEqual([]);
    const order = await terminal.rep.query((tx) => tx.get('order/path-1'));
    expect(order).toMatchObject({ status: 'cancelled' });
  }, 60_000);
});

describe('a hub that dies holding a change it confirmed while cut off', () => {
  let setup: Awaited<ReturnType<typeof terminalWorld>>;
  let world: HubWorld;
  let hubLink: Proxy;
  let terminal: SyncClient;

  beforeAll(async () => {
    setup = await terminalWorld('Gap Bistro');
    ({ world, hubLink, terminal } = setup);
  }, 60_000);
  afterAll(async () => setup?.stop());

  it('holds the terminal’s later changes at the cloud behind the gap until the hub is back, then delivers all once', async () => {
    const lastAtCloud = () => cloudLastMutationID(world.cloud.running.db, terminal.rep.clientID);
    await waitUntil(() => terminal.hubBacklog?.get() !== undefined, 5000, 'the hub path');
    await waitFor(terminal.rep, (tx) => tx.get('product/burger'), (product) => product !== undefined);
    await world.link.cut();
    await terminal.rep.mutate.createOrder({ id: 'gap-1', channel: 'takeaway', customer: { name: 'Ada' }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() });
    await settle(terminal.rep);
    expect(await lastAtCloud()).toBe(0);

    // The hub dies with that change (it stays cut off from the cloud); the screen reaches the cloud by itself.
    await hubLink.cut();
    await waitUntil(() => terminal.path?.get() === 'cloud', 5000, 'the fallback to the cloud');
    await terminal.rep.mutate.confirmOrder({ orderId: 'gap-1', at: Date.now() });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await pendingCount(terminal.rep)).toBe(1);
    expect(await lastAtCloud()).toBe(0);

    await world.restartHub();
    await world.link.restore();
    await hubLink.restore();
    await waitUntil(async () => (await lastAtCloud()) === 2, 15_000, 'both changes at the cloud');
    expect(await repeatedMutations(world.cloud.running.db, world.tenant.tenantId)).toEqual([]);
    await waitUntil(async () => (await pendingCount(terminal.rep)) === 0, 10_000, 'the screen to hear it');
  }, 60_000);
});
