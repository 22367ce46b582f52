import { afterEach, describe, expect, it } from 'vitest';
import { demoModifierProducts, demoProducts, demoStations, type KitchenOrder } from '@kitchensync/shared';
import { createTenant, startServer, type TestServer } from '../support/server.ts';
import { connectedClient } from '../support/replicache-client.ts';
import { ticketsOf } from '../support/kitchen-fixture.ts';

describe('modifier options through sync', () => {
  let server: TestServer | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    await server?.stop();
  });

  it("a manager's order with chosen options reaches the kitchen replica's ticket under its line; a line missing a required choice is refused on the client, naming the group", async () => {
    server = await startServer();
    const tenant = await createTenant(server);
    const manager = await connectedClient(server, tenant.managerToken);
    const kitchen = await connectedClient(server, tenant.kitchenToken);
    cleanups.push(manager.close, kitchen.close);
    for (const p of [...demoProducts, ...demoModifierProducts]) await manager.rep.mutate.upsertProduct(p);
    for (const s of demoStations) await manager.rep.mutate.upsertStation(s);

    const at = Date.now();
    await manager.rep.mutate.createOrder({
      id: 'o1', channel: 'dine_in', customer: { name: 'Ada' }, at,
      items: [{ id: 'l1', productId: 'ribeye', quantity: 2, course: 1, choices: [{ groupId: 'temp', optionId: 'medium-rare' }, { groupId: 'addons', optionId: 'bacon' }], notes: 'birthday' }],
    });
    await manager.rep.mutate.confirmOrder({ orderId: 'o1', at: at + 1 });
    const [ticket] = (await ticketsOf(kitchen.rep, 'o1')) as [KitchenOrder];
    expect(ticket.items[0]).toMatchObject({ name: 'Ribeye', quantity: 2, notes: 'birthday', options: [{ group: 'Temperature', name: 'Medium rare' }, { group: 'Add-ons', name: 'Bacon', priceDeltaCents: 200 }] });

    // The mutator refuses it on the client before anything is queued.
    const stale = { id: 'o2', channel: 'dine_in' as const, customer: { name: 'Bo' }, at, items: [{ id: 'l1', productId: 'ribeye', quantity: 1, modifiers: ['medium'] }] };
    await expect(manager.rep.mutate.createOrder(stale)).rejects.toMatchObject({ code: 'modifier_required', details: { group: 'Temperature' } });
    expect(await manager.rep.query((tx) => tx.has('order/o2'))).toBe(false);
  });
});
