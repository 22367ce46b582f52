import { Replicache } from 'replicache';
import { afterEach, describe, expect, it } from 'vitest';
import { mutators } from './mutators.ts';
import type { KitchenOrder, Order } from './schema.ts';
import { demoProducts, demoStations } from './testing/fixtures.ts';

let rep: Replicache<typeof mutators> | undefined;
afterEach(async () => rep?.close());

describe('shared mutators inside a real Replicache', () => {
  it('an order created and confirmed locally shows up, with its tickets, through subscribe', async () => {
    rep = new Replicache({ name: `t-${Math.random()}`, kvStore: 'mem', mutators, pullInterval: null, pushDelay: 1e9 });
    for (const p of demoProducts) await rep.mutate.upsertProduct(p);
    for (const s of demoStations) await rep.mutate.upsertStation(s);
    const seen: { order?: Order | undefined; tickets: KitchenOrder[] }[] = [];
    const done = new Promise<void>((resolve) => {
      rep!.subscribe(
        async (tx) => ({
          order: (await tx.get('order/o1')) as Order | undefined,
          tickets: (await tx.scan({ prefix: 'kitchenOrder/' }).values().toArray()) as KitchenOrder[],
        }),
        (result) => {
          seen.push(result);
          if (result.order?.status === 'confirmed') resolve();
        },
      );
    });
    await rep.mutate.createOrder({
      id: 'o1',
      channel: 'dine_in',
      customer: { name: 'Ada', phone: '+44 1234' },
      items: [
        { id: 'l1', productId: 'burger', quantity: 2 },
        { id: 'l2', productId: 'fries', quantity: 1, modifiers: ['no salt'] },
      ],
      at: 1000,
    });
    await rep.mutate.confirmOrder({ orderId: 'o1', at: 2000 });
    await done;
    const last = seen.at(-1)!;
    expect(last.order?.totalCents).toBe(2 * 1250 + 450);
    expect(last.tickets.map((t) => [t.stationType, t.stationId, t.status])).toEqual([
      ['fry', 'fry-1', 'queued'],
      ['grill', 'grill-1', 'queued'],
    ]);
  });

  it('an illegal move rejects the mutate call and changes nothing', async () => {
    rep = new Replicache({ name: `t-${Math.random()}`, kvStore: 'mem', mutators, pullInterval: null, pushDelay: 1e9 });
    for (const p of demoProducts) await rep.mutate.upsertProduct(p);
    await rep.mutate.createOrder({ id: 'o2', channel: 'takeaway', customer: { name: 'Bo' }, items: [{ id: 'l1', productId: 'salad', quantity: 1 }], at: 1 });
    await expect(rep.mutate.setOrderStatus({ orderId: 'o2', status: 'delivered', at: 2 })).rejects.toMatchObject({ code: 'illegal_transition' });
    const order = (await rep.query((tx) => tx.get('order/o2'))) as Order;
    expect(order.status).toBe('draft');
  });
});
