import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncClient, pathLabel, type SocketLike, type SyncClient } from '../../sync-client/src/index.ts';
import { startProxy, type Proxy } from '../support/proxy.ts';
import { settle, waitFor } from '../support/replicache-client.ts';
import type { TestServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { cloudLastMutationID, repeatedMutations, startHubWorld, type HubTenant, type HubWorld } from './hub-support.ts';

describe('a terminal configured with its hub and the cloud', () => {
  let world: HubWorld;
  let cloud: TestServer;
  let tenant: HubTenant;
  let hubLink: Proxy;
  let terminal: SyncClient;

  beforeAll(async () => {
    world = await startHubWorld('Failover Bistro');
    ({ cloud, tenant } = world);
    hubLink = await startProxy(world.hub);
    terminal = createSyncClient({
      serverUrl: cloud.url,
      hubUrl: hubLink.url,
      token: tenant.managerToken,
      kvStore: 'mem',
      pathProbeMs: 250,
      createSocket: (url) => {
        const ws = new WebSocket(url);
        // Closing a socket still connecting (a path switch) makes ws emit an error the client already expects.
        ws.on('error', () => undefined);
        return ws as unknown as SocketLike;
      },
    });
  }, 60_000);
  afterAll(async () => {
    await terminal?.close();
    await hubLink?.close();
    await world?.stop();
  });

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
    await world.link.cut();
    await hubLink.restore();
    await waitUntil(() => terminal.path?.get() === 'hub', 5000, 'the return to the hub');
    await waitUntil(() => terminal.hubBacklog?.get()?.upstream === 'offline', 5000, 'the hub saying it is cut off');
    await world.link.restore();
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
