import { afterEach, describe, expect, it } from 'vitest';
import { demoProducts, demoStations, type KitchenOrder } from '@kitchensync/shared';
import { backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { connectedClient, listenForPokes, readOrder, waitFor } from '../support/replicache-client.ts';
import { mutation, productArgs, push, pushBody, uniqueId } from '../support/sync-protocol.ts';

describe.each(backends)('sync through pokes (%s)', (backend) => {
  let server: TestServer | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    await server?.stop();
  });

  it('an order created and confirmed by the manager reaches both kitchen replicas through pokes alone', async () => {
    server = await startServer({ backend });
    const tenant = await createTenant(server);
    const manager = await connectedClient(server, tenant.managerToken);
    const kitchenA = await connectedClient(server, tenant.kitchenToken);
    const kitchenB = await connectedClient(server, tenant.kitchenToken);
    cleanups.push(manager.close, kitchenA.close, kitchenB.close);

    for (const p of demoProducts) await manager.rep.mutate.upsertProduct(p);
    for (const s of demoStations) await manager.rep.mutate.upsertStation(s);
    await manager.rep.mutate.createOrder({
      id: 'o1',
      channel: 'dine_in',
      customer: { name: 'Ada' },
      items: [{ id: 'l1', productId: 'burger', quantity: 2 }],
      at: Date.now(),
    });
    await manager.rep.mutate.confirmOrder({ orderId: 'o1', at: Date.now() });

    const ticketsOf = (c: typeof kitchenA) =>
      waitFor<KitchenOrder[]>(
        c.rep,
        async (tx) => (await tx.scan({ prefix: 'kitchenOrder/' }).values().toArray()) as KitchenOrder[],
        (tickets) => tickets.length === 1,
      );
    const [a, b] = await Promise.all([ticketsOf(kitchenA), ticketsOf(kitchenB)]);
    expect(a[0]?.orderId).toBe('o1');
    expect(b).toEqual(a);
    expect(kitchenA.socket.pokes).toBeGreaterThan(0);
    const managerOrder = await waitFor(manager.rep, (tx) => tx.get('order/o1'), (o) => Boolean((o as { trackingToken?: string })?.trackingToken));
    expect((managerOrder as { trackingToken: string }).trackingToken).toMatch(/^ks_customer_/);
    expect((await readOrder(kitchenA.rep, 'o1'))?.status).toBe('confirmed');
  });

  it('one write, one poke: the committing process pokes its own sockets at commit and ignores its own NOTIFY', async () => {
    server = await startServer({ backend });
    const s = server;
    const tenant = await createTenant(s);
    const socket = listenForPokes(s, tenant.kitchenToken, () => undefined);
    cleanups.push(async () => socket.close());
    await socket.ready;
    const client = uniqueId('client');
    const res = await push(s, tenant.managerToken, pushBody(uniqueId('group'), [mutation(client, 1, 'upsertProduct', productArgs('soup'))]));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a second (duplicate) poke to arrive
    expect(socket.pokes).toBe(1);
  });
});
