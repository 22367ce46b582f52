import { afterEach, describe, expect, it } from 'vitest';
import { orderMachine, type KitchenOrder, type Order, type OrderStatus } from '@kitchensync/shared';
import { api, backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { connectedClient, waitFor } from '../support/replicache-client.ts';
import { ok, seedMenu } from './support/rest.ts';

describe.each(backends)('the order workflow over REST (%s)', (backend) => {
  let server: TestServer | undefined;
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0)) await c();
    await server?.stop();
    server = undefined;
  });

  async function boot(): Promise<{ s: TestServer; tenant: TestTenant }> {
    server = await startServer({ backend });
    const tenant = await createTenant(server);
    await seedMenu(server, tenant.managerToken);
    return { s: server, tenant };
  }

  it('create → confirm → contract → kitchen order → items → ready → delivering → delivered, seen by a sync client at every step', async () => {
    const { s, tenant } = await boot();
    const m = tenant.managerToken;
    const k = tenant.kitchenToken;
    const watcher = await connectedClient(s, m);
    cleanups.push(watcher.close);
    const seen = (id: string, status: OrderStatus) =>
      waitFor<Order | undefined>(watcher.rep, (tx) => tx.get(`order/${id}`) as never, (o) => o?.status === status);
    const requestIds = new Map<string, string>();
    const transitionsMatchTable = async (order: Order) => {
      const t = await ok(s, m, 'GET', `/api/orders/${order.id}/transitions`);
      expect(t).toMatchObject({ current: order.status, allowed: orderMachine.allowedTransitions(order.status, { channel: order.channel }) });
    };

    const created = await api<Order>(s, m, 'POST', '/api/orders', {
      channel: 'delivery',
      customer: { name: 'Ada', phone: '+44 20 7946 0000' },
      items: [
        { productId: 'burger', quantity: 2, modifiers: ['no onions'] },
        { productId: 'fries', quantity: 1 },
      ],
    });
    expect(created.status).toBe(201);
    const order = created.body;
    expect(order).toMatchObject({ status: 'draft', totalCents: 2 * 1250 + 450, itemCount: 3, channel: 'delivery' });
    expect(order.trackingToken).toMatch(/^ks_customer_/);
    expect(order.lines.map((l) => l.id)).toEqual(['l1', 'l2']);
    expect(order.customerId).toBe('ph00442079460000');
    await seen(order.id, 'draft');
    await transitionsMatchTable(order);

    const confirm = await api<Order>(s, m, 'PUT', `/api/orders/${order.id}/confirm`);
    expect(confirm.status).toBe(200);
    expect(confirm.body.status).toBe('confirmed');
    requestIds.set('confirmed', confirm.headers.get('x-request-id') ?? '');
    await seen(order.id, 'confirmed');
    await transitionsMatchTable(confirm.body);

    const contract = await ok(s, m, 'GET', `/api/orders/${order.id}/production-contract`);
    expect(contract).toMatchObject({ orderId: order.id, version: 1, id: `${order.id}.v1` });
    expect(contract.groups.map((g: { stationType: string }) => g.stationType)).toEqual(['fry', 'grill']);

    const { items: tickets } = await ok<{ items: KitchenOrder[] }>(s, k, 'GET', `/api/kitchen/orders/by-order/${order.id}`);
    expect(tickets.map((t) => t.stationType)).toEqual(['fry', 'grill']);
    expect(tickets.every((t) => t.contractId === contract.id && t.status === 'queued')).toBe(true);
    await waitFor<unknown[]>(watcher.rep, (tx) => tx.scan({ prefix: 'kitchenOrder/' }).values().toArray() as never, (all) => all.length === 2);

    const grill = tickets.find((t) => t.stationType === 'grill') as KitchenOrder;
    const started = await ok<KitchenOrder>(s, k, 'PUT', `/api/kitchen/orders/${grill.id}/items/status`, { itemId: grill.items[0]?.id, status: 'in_progress' });
    expect(started.status).toBe('in_progress');
    await seen(order.id, 'in_preparation');
    for (const ticket of tickets) {
      for (const item of ticket.items) {
        const after = await ok<KitchenOrder>(s, k, 'PUT', `/api/kitchen/orders/${ticket.id}/items/status`, { itemId: item.id, status: 'done' });
        expect(after.items.find((i) => i.id === item.id)?.status).toBe('done');
      }
    }
    for (const ticket of tickets) {
      expect((await ok<KitchenOrder>(s, k, 'PUT', `/api/kitchen/orders/${ticket.id}/status`, { status: 'ready' })).status).toBe('ready');
    }
    const ready = await seen(order.id, 'ready');
    await transitionsMatchTable(ready as Order);

    for (const status of ['delivering', 'delivered'] as const) {
      const moved = await api<Order>(s, m, 'PUT', `/api/orders/${order.id}/status`, { status });
      expect(moved.status).toBe(200);
      requestIds.set(status, moved.headers.get('x-request-id') ?? '');
      await seen(order.id, status);
      await transitionsMatchTable(moved.body);
    }
    expect(watcher.socket.pokes).toBeGreaterThan(0);

    const { events } = await ok(s, m, 'GET', `/api/orders/${order.id}/history`);
    const moves = events.filter((e: any) => e.type === 'order.status_changed');
    expect(moves.map((e: any) => `${e.data.from}→${e.data.to}`)).toEqual([
      'draft→confirmed', 'confirmed→in_preparation', 'in_preparation→ready', 'ready→delivering', 'delivering→delivered',
    ]);
    expect(moves.map((e: any) => e.actor.role)).toEqual(['manager', 'kitchen', 'kitchen', 'manager', 'manager']);
    expect(moves.every((e: any) => e.source === 'rest' && typeof e.requestId === 'string' && e.clientID === undefined)).toBe(true);
    expect(moves[0].requestId).toBe(requestIds.get('confirmed'));
    expect(moves[4].requestId).toBe(requestIds.get('delivered'));
    expect(events.map((e: any) => e.seq)).toEqual([...events.map((e: any) => e.seq)].sort((a, b) => a - b));
    expect(new Set(events.map((e: any) => e.type))).toEqual(
      new Set(['order.created', 'order.status_changed', 'contract.issued', 'kitchen_order.created', 'kitchen_item.status_changed',
        'ingredients.consumed', 'kitchen_order.status_changed']),
    );

    const used = await ok(s, m, 'GET', `/api/orders/${order.id}/consumption`);
    expect(used.ingredients).toEqual([
      { name: 'beef patty', unit: 'pc', quantity: 2, items: 1 },
      { name: 'bun', unit: 'pc', quantity: 2, items: 1 },
      { name: 'potatoes', unit: 'g', quantity: 200, items: 1 },
    ]);
    const today = await ok(s, k, 'GET', '/api/kitchen/consumption');
    expect(today.ingredients.find((i: any) => i.name === 'potatoes')).toMatchObject({ quantity: 200, orders: 1 });
    const finished = await ok<KitchenOrder>(s, k, 'GET', `/api/kitchen/orders/${grill.id}`);
    expect(finished.status).toBe('completed');
  });
});
