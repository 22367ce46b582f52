import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel, Order } from '@kitchensync/shared';
import { backends, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { applyAt } from './support/direct.ts';
import { ok, seedMenu } from './support/rest.ts';

const day = Date.parse('2025-03-10T00:00:00Z');
const at = (hhmm: string, base = day) => base + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;
const min = 60_000;

interface Plan {
  id: string;
  channel: Channel;
  products: string[];
  created: number;
  customer?: { name: string; phone?: string; email?: string };
  /** confirmed at, ready at (via in_preparation a minute after confirming), then further statuses. */
  confirmed?: number;
  ready?: number;
  then?: [string, number][];
}

const plans: Plan[] = [
  { id: 'o1', channel: 'dine_in', products: ['burger'], created: at('10:05'), confirmed: at('10:06'), ready: at('10:16'), then: [['delivered', at('10:20')]],
    customer: { name: 'Ada', phone: '+44 20 7946 0001' } },
  { id: 'o2', channel: 'delivery', products: ['fries', 'fries'], created: at('10:40'), confirmed: at('10:41'), ready: at('10:46'), then: [['delivering', at('10:50')]],
    customer: { name: 'Bo', email: 'Bo@Example.com' } },
  { id: 'o3', channel: 'takeaway', products: ['salad'], created: at('11:15'), confirmed: at('11:15'), ready: at('11:35'), customer: { name: 'Ada again', phone: '+44 20 7946 0001' } },
  { id: 'o4', channel: 'online', products: ['burger', 'fries'], created: at('12:00'), confirmed: at('12:01'), then: [['cancelled', at('12:02')]] },
  { id: 'o5', channel: 'dine_in', products: ['burger'], created: at('12:30') },
  { id: 'o6', channel: 'takeaway', products: ['fries'], created: at('23:59', day - 24 * 60 * min), confirmed: at('23:59', day - 24 * 60 * min), ready: day + 5 * min },
  { id: 'o7', channel: 'dine_in', products: ['fries'], created: day + 24 * 60 * min },
];

async function place(server: TestServer, tenantId: string, p: Plan) {
  const items = p.products.map((productId, n) => ({ id: `l${n}`, productId, quantity: 1 }));
  await applyAt(server, tenantId, [['createOrder', { id: p.id, channel: p.channel, customer: p.customer ?? { name: 'Walk-in' }, items, at: p.created }]]);
  if (p.confirmed !== undefined) await applyAt(server, tenantId, [['confirmOrder', { orderId: p.id, at: p.confirmed }]]);
  if (p.ready !== undefined) {
    await applyAt(server, tenantId, [
      ['setOrderStatus', { orderId: p.id, status: 'in_preparation', at: (p.confirmed ?? 0) + 1 }],
      ['setOrderStatus', { orderId: p.id, status: 'ready', at: p.ready }],
    ]);
  }
  for (const [status, when] of p.then ?? []) {
    await applyAt(server, tenantId, [status === 'cancelled' ? ['cancelOrder', { orderId: p.id, at: when }] : ['setOrderStatus', { orderId: p.id, status, at: when }]]);
  }
}

describe.each(backends)('order lists and statistics (%s)', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;
  const get = <T = any>(path: string) => ok<T>(server, tenant.managerToken, 'GET', path);

  beforeAll(async () => {
    server = await startServer({ backend });
    tenant = await createTenant(server);
    await seedMenu(server, tenant.managerToken);
    for (const p of plans) await place(server, tenant.tenantId, p);
    const other = await createTenant(server, 'Elsewhere');
    await seedMenu(server, other.managerToken);
    await place(server, other.tenantId, { id: 'x1', channel: 'dine_in', products: ['burger'], created: at('10:10'), confirmed: at('10:11'), ready: at('10:12') });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("a day's statistics count its orders by status and channel, with revenue, prep times and orders per hour", async () => {
    const stats = await get('/api/orders/stats?date=2025-03-10');
    expect(stats.range).toEqual({ from: '2025-03-10T00:00:00.000Z', to: '2025-03-11T00:00:00.000Z' });
    expect(stats.orders).toBe(5);
    expect(stats.byStatus).toEqual({ draft: 1, confirmed: 0, in_preparation: 0, ready: 1, delivering: 1, delivered: 1, cancelled: 1 });
    expect(stats.byChannel).toEqual({ dine_in: 2, takeaway: 1, delivery: 1, online: 1 });
    // o1 burger 1250, o2 two fries 900, o3 salad 900; the draft and the cancelled order earn nothing.
    expect(stats.revenueCents).toBe(3050);
    expect(stats.averageOrderCents).toBe(1017);
    // confirmed → ready: 600 s, 300 s, 1200 s; p90 interpolates between 600 and 1200.
    expect(stats.confirmedToReady).toEqual({ orders: 3, averageSeconds: 700, p90Seconds: 1080 });
    expect(stats.ordersPerHour).toHaveLength(24);
    const busy = stats.ordersPerHour.filter((h: any) => h.orders > 0);
    expect(busy).toEqual([
      { hour: '2025-03-10T10:00:00.000Z', orders: 2 },
      { hour: '2025-03-10T11:00:00.000Z', orders: 1 },
      { hour: '2025-03-10T12:00:00.000Z', orders: 2 },
    ]);
  });

  it('a range of instants counts the orders created inside it, end excluded', async () => {
    const stats = await get(`/api/orders/stats?from=2025-03-10T10:30:00Z&to=${at('12:00')}`);
    expect(stats.orders).toBe(2);
    expect(stats.ordersPerHour.map((h: any) => h.orders)).toEqual([1, 1]);
    const previous = await get('/api/orders/stats?date=2025-03-09');
    expect(previous).toMatchObject({ orders: 1, confirmedToReady: { orders: 1, averageSeconds: 360 } });
    const empty = await get('/api/orders/stats?date=2024-01-01');
    expect(empty).toMatchObject({ orders: 0, revenueCents: 0, averageOrderCents: null, confirmedToReady: { orders: 0, averageSeconds: null, p90Seconds: null } });
  });

  it('lists page newest first through nextCursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Order[]; nextCursor: string | null } = await get(`/api/orders?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['o7', 'o5', 'o4', 'o3', 'o2', 'o1', 'o6']);
  });

  it('lists filter by status, channel, creation time and customer (id, phone or email)', async () => {
    const ids = async (query: string) => (await get<{ items: Order[] }>(`/api/orders?${query}`)).items.map((o) => o.id);
    expect(await ids('status=draft')).toEqual(['o7', 'o5']);
    expect(await ids('status=ready,delivering&status=delivered')).toEqual(['o3', 'o2', 'o1', 'o6']);
    expect(await ids('channel=takeaway,online')).toEqual(['o4', 'o3', 'o6']);
    expect(await ids(`from=${at('10:40')}&to=2025-03-10T12:00:00Z`)).toEqual(['o3', 'o2']);
    expect(await ids('from=2025-03-10T11:40:00+01:00&to=2025-03-10T13:00:00%2B01:00')).toEqual(['o3', 'o2']);
    expect(await ids(`customer=${encodeURIComponent('+44 20 7946 0001')}`)).toEqual(['o3', 'o1']);
    expect(await ids('customer=bo@example.com')).toEqual(['o2']);
    const customerId = (await get<Order>('/api/orders/o2')).customerId;
    expect(await ids(`customer=${customerId}`)).toEqual(['o2']);
    expect(await ids('status=draft&channel=dine_in&limit=1')).toEqual(['o7']);
  });
});
