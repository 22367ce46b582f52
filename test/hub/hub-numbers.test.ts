import { localServiceDayOf, type Order } from '@kitchensync/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOrder } from '../support/kitchen-fixture.ts';
import { connectedClient, readOrder, settle, waitFor, type Client } from '../support/replicache-client.ts';
import { api, type TestServer } from '../support/server.ts';
import { waitUntil } from '../support/wait.ts';
import { startHubWorld, type HubWorld } from './hub-support.ts';

type Terminal = Awaited<ReturnType<typeof connectedClient>>;

/** The order's number as a replica holds it, once it has one. */
const numberIn = async (rep: Client, id: string) =>
  ((await waitFor(rep, (tx) => tx.get(`order/${id}`), (v) => (v as Order | undefined)?.number !== undefined, 10_000)) as Order).number;
const numberOverRest = async (server: TestServer, token: string, id: string) => (await api<Order>(server, token, 'GET', `/api/orders/${id}`)).body.number;

describe('order numbers through a restaurant hub cut off from the cloud', () => {
  let world: HubWorld;
  let till: Terminal;

  beforeAll(async () => {
    world = await startHubWorld('Numbers Bistro');
    // A till that names no terminal (an older client, an integration over sync): the server numbers its orders.
    till = await connectedClient(world.hub, world.tenant.managerToken);
  }, 60_000);
  afterAll(async () => {
    await till?.close();
    await world?.stop();
  });

  it('an order the hub numbers while cut off keeps that number at the cloud, on REST and every screen', async () => {
    const { cloud, hub, tenant, link, cloudManager } = world;
    await placeOrder(till.rep, 'before-cut');
    await settle(till.rep);
    expect(await numberIn(till.rep, 'before-cut')).toBe('1');

    await link.cut();
    await placeOrder(till.rep, 'at-hub-1');
    await placeOrder(till.rep, 'at-hub-2');
    const onPaper = [await numberIn(till.rep, 'at-hub-1'), await numberIn(till.rep, 'at-hub-2')];
    expect(onPaper).toEqual(['H-1', 'H-2']);
    const atHubRest = [await numberOverRest(hub, tenant.managerToken, 'at-hub-1'), await numberOverRest(hub, tenant.managerToken, 'at-hub-2')];
    expect(atHubRest).toEqual(onPaper);
    // Meanwhile the cloud numbers an order of its own (taken over REST at the cloud).
    const atCloud = await api<Order>(cloud, tenant.managerToken, 'POST', '/api/orders', { channel: 'takeaway', customer: { name: 'Phone order' }, items: [{ productId: 'burger', quantity: 1 }] });
    expect(atCloud.status).toBe(201);

    await link.restore();
    await waitUntil(async () => (await hub.running.hub?.status())?.pending === 0, 20_000, 'the outbox to drain');
    const atCloudRest = [await numberOverRest(cloud, tenant.managerToken, 'at-hub-1'), await numberOverRest(cloud, tenant.managerToken, 'at-hub-2')];
    expect(atCloudRest).toEqual(onPaper);
    await cloudManager.rep.pull({ now: true });
    expect([await numberIn(cloudManager.rep, 'at-hub-1'), await numberIn(cloudManager.rep, 'at-hub-2')]).toEqual(onPaper);
    await settle(till.rep);
    await waitUntil(async () => (await readOrder(till.rep, 'at-hub-1'))?.number === onPaper[0], 10_000, 'the till after the mirror');
    const tracking = (await api<Order>(cloud, tenant.managerToken, 'GET', '/api/orders/at-hub-2')).body.trackingToken;
    const tracker = await connectedClient(cloud, tracking ?? '');
    expect(await numberIn(tracker.rep, 'at-hub-2')).toBe(onPaper[1]);
    await tracker.close();
    const all = [await numberOverRest(cloud, tenant.managerToken, 'before-cut'), ...atCloudRest, atCloud.body.number];
    expect(new Set(all).size).toBe(all.length);
  });

  it('a terminal that asks for its code at the cut-off hub numbers as the hub, never with a code the cloud gives another terminal', async () => {
    const { cloud, hub, tenant, link, cloudManager } = world;
    const serviceDay = localServiceDayOf(Date.now());
    const order = (rep: Client, id: string, terminalId: string) =>
      rep.mutate.createOrder({ id, channel: 'takeaway', customer: { name: id }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], terminalId, serviceDay, at: Date.now() });
    await link.cut();
    await till.rep.mutate.claimTerminalCode({ terminalId: 'tab-at-hub', serviceDay });
    await order(till.rep, 'tab-hub-1', 'tab-at-hub');
    const onPaper = await numberIn(till.rep, 'tab-hub-1');
    expect(onPaper).toBe('H-3');
    // A tab at the cloud meanwhile gets the day's first code: the one the hub would have handed out.
    await cloudManager.rep.mutate.claimTerminalCode({ terminalId: 'tab-at-cloud', serviceDay });
    await order(cloudManager.rep, 'tab-cloud-1', 'tab-at-cloud');
    await settle(cloudManager.rep);
    expect(await numberIn(cloudManager.rep, 'tab-cloud-1')).toBe('A-1');

    await link.restore();
    await waitUntil(async () => (await hub.running.hub?.status())?.pending === 0, 20_000, 'the outbox to drain');
    expect(await numberOverRest(cloud, tenant.managerToken, 'tab-hub-1')).toBe(onPaper);
    expect(await numberOverRest(cloud, tenant.managerToken, 'tab-cloud-1')).toBe('A-1');
  });

  it('an order the cloud refuses on arrival leaves its number unused, and the next keeps its own', async () => {
    const { cloud, hub, tenant, link } = world;
    await link.cut();
    await placeOrder(till.rep, 'refused-later', [{ id: 'l1', productId: 'salad', quantity: 1 }]);
    await placeOrder(till.rep, 'kept-after', [{ id: 'l1', productId: 'fries', quantity: 1 }]);
    const onPaper = [await numberIn(till.rep, 'refused-later'), await numberIn(till.rep, 'kept-after')];
    expect(onPaper).toEqual(['H-4', 'H-5']);
    // The salad went off at the cloud during the outage: the cloud refuses the first order.
    expect((await api(cloud, tenant.managerToken, 'PUT', '/api/products/salad/sold-out', { soldOut: true })).status).toBe(200);

    await link.restore();
    await waitUntil(async () => (await hub.running.hub?.status())?.pending === 0, 20_000, 'the outbox to drain');
    expect((await api(cloud, tenant.managerToken, 'GET', '/api/orders/refused-later')).status).toBe(404);
    expect(await numberOverRest(cloud, tenant.managerToken, 'kept-after')).toBe('H-5');
  });
});
