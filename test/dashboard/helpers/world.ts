import { demoProducts, displayNumber, demoStations, kitchenOrderKey, type Channel, type KitchenOrder, type Order, type UpsertProductArgs } from '@kitchensync/shared';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { connectedClient, type Client } from '../../support/replicache-client.ts';
import { api, createTenant, startServer, type TestServer, type TestTenant } from '../../support/server.ts';
import { launchChromium, managerContext, waitSynced, type Screen } from './browser.ts';

/** A few more dishes than the shared fixtures, so the menu and the picker look like a restaurant's. */
const extraProducts: UpsertProductArgs[] = [
  { id: 'lemonade', name: 'Lemonade', priceCents: 350, category: 'Drinks', stationType: 'cold', prepSeconds: 60, ingredients: [{ name: 'lemon', quantity: 1, unit: 'pc' }], recipeSteps: ['Squeeze', 'Top up with soda'] },
  { id: 'brownie', name: 'Chocolate brownie', priceCents: 650, category: 'Desserts', stationType: 'cold', prepSeconds: 120, allergens: ['gluten', 'eggs', 'dairy'], ingredients: [{ name: 'brownie', quantity: 1, unit: 'pc' }], recipeSteps: ['Warm', 'Plate with cream'] },
  { id: 'wings', name: 'Chicken wings', priceCents: 890, category: 'Starters', stationType: 'fry', prepSeconds: 420, ingredients: [{ name: 'chicken wings', quantity: 6, unit: 'pc' }], recipeSteps: ['Fry 7 min', 'Toss in sauce'] },
];

export interface SeedOrder {
  readonly id: string;
  readonly channel: Channel;
  readonly customer: string;
  readonly items: readonly { productId: string; quantity: number; modifiers?: string[] }[];
  /** Minutes ago the order was placed; later steps follow at the given minutes after placing. */
  readonly placedMinutesAgo: number;
  readonly confirmAfter?: number;
  /** A cook starts the first item: the order goes into preparation. */
  readonly startAfter?: number;
  readonly bumpAfter?: number;
  readonly handOverAfter?: number;
  readonly cancelAfter?: number;
}

export interface DashboardWorld {
  readonly server: TestServer;
  readonly tenant: TestTenant;
  readonly browser: Browser;
  /** A manager's sync client in Node: "another manager" and the seeding hand. */
  readonly manager: { rep: Client; close(): Promise<void> };
  seedOrders(orders: readonly SeedOrder[]): Promise<void>;
  order(id: string): Promise<Order | undefined>;
  /** The order's number as every screen shows it ("#12"), read over REST. */
  numberOf(id: string): Promise<string>;
  tickets(orderId: string): Promise<KitchenOrder[]>;
  /** Waits until the manager client's changes are all confirmed by the server. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

const expectOk = (r: { status: number; body: unknown }, what: string) => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
};

/** Server (PGlite in memory) serving the built dashboard, a tenant with menu and stations, and Chromium; `env` sets the server's (e.g. PRINT_AGENT). */
export async function startDashboardWorld(options: { env?: Record<string, string> } = {}): Promise<DashboardWorld> {
  const server = await startServer(options.env ? { env: options.env } : {});
  const tenant = await createTenant(server, 'Harbour Bistro');
  for (const p of [...demoProducts, ...extraProducts]) expectOk(await api(server, tenant.managerToken, 'POST', '/api/products', p), `product ${p.id}`);
  for (const s of demoStations) expectOk(await api(server, tenant.managerToken, 'POST', '/api/kitchen/stations', s), `station ${s.id}`);
  const manager = await connectedClient(server, tenant.managerToken);
  const browser = await launchChromium();
  const rep = manager.rep;

  const settle = async () => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      await rep.pull();
      if ((await rep.experimentalPendingMutations()).length === 0) return;
      if (Date.now() > deadline) throw new Error('manager client did not settle');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const tickets = (orderId: string) =>
    rep.query(async (tx) =>
      ((await tx.scan({ prefix: kitchenOrderKey('') }).values().toArray()) as KitchenOrder[]).filter((t) => t.orderId === orderId && t.status !== 'cancelled'),
    );

  return {
    server,
    tenant,
    browser,
    manager,
    settle,
    tickets,
    order: (id) => rep.query(async (tx) => (await tx.get(`order/${id}`)) as Order | undefined),
    async numberOf(id) {
      const res = await api<Order>(server, tenant.managerToken, 'GET', `/api/orders/${id}`);
      expectOk(res, `order ${id}`);
      return displayNumber(res.body);
    },
    async seedOrders(orders) {
      const now = Date.now();
      // Keep every seeded time inside today, whatever the hour the tests run at.
      const dayStart = new Date(new Date(now).toDateString()).getTime();
      const at = (o: SeedOrder, after = 0) => Math.max(dayStart + 60_000, now - o.placedMinutesAgo * 60_000) + after * 60_000;
      for (const o of orders) {
        await rep.mutate.createOrder({
          id: o.id,
          channel: o.channel,
          customer: { name: o.customer },
          items: o.items.map((i, n) => ({ id: `${o.id}-l${n}`, ...i })),
          at: at(o),
        });
        if (o.confirmAfter !== undefined) await rep.mutate.confirmOrder({ orderId: o.id, at: at(o, o.confirmAfter) });
      }
      await settle();
      for (const o of orders) {
        if (o.startAfter !== undefined) {
          const [first] = await tickets(o.id);
          const item = first?.items[0];
          if (first && item) await rep.mutate.setKitchenItemStatus({ kitchenOrderId: first.id, itemId: item.id, status: 'in_progress', at: at(o, o.startAfter) });
        }
        if (o.bumpAfter !== undefined) {
          for (const t of await tickets(o.id)) await rep.mutate.bumpKitchenOrder({ kitchenOrderId: t.id, at: at(o, o.bumpAfter) });
        }
        if (o.handOverAfter !== undefined) {
          const order = await rep.query(async (tx) => (await tx.get(`order/${o.id}`)) as Order);
          const to = order.channel === 'delivery' || order.channel === 'online' ? 'delivering' : 'delivered';
          await rep.mutate.setOrderStatus({ orderId: o.id, status: to, at: at(o, o.handOverAfter) });
        }
        if (o.cancelAfter !== undefined) await rep.mutate.cancelOrder({ orderId: o.id, reason: 'Guest left', at: at(o, o.cancelAfter) });
      }
      await settle();
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await manager.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/** A lively restaurant: orders in every column, with realistic times for the statistics. */
export const backgroundOrders: readonly SeedOrder[] = [
  { id: 'seed-a1c3', channel: 'dine_in', customer: 'Table 4', items: [{ productId: 'burger', quantity: 2 }, { productId: 'fries', quantity: 2 }], placedMinutesAgo: 95, confirmAfter: 1, bumpAfter: 14, handOverAfter: 16 },
  { id: 'seed-b7d2', channel: 'delivery', customer: 'Grace Hopper', items: [{ productId: 'wings', quantity: 1 }, { productId: 'lemonade', quantity: 2 }], placedMinutesAgo: 80, confirmAfter: 2, bumpAfter: 11, handOverAfter: 13 },
  { id: 'seed-c9e4', channel: 'takeaway', customer: 'Alan Turing', items: [{ productId: 'salad', quantity: 1 }], placedMinutesAgo: 70, confirmAfter: 1, bumpAfter: 7, handOverAfter: 20 },
  { id: 'seed-d2f6', channel: 'online', customer: 'Katherine Johnson', items: [{ productId: 'burger', quantity: 1 }, { productId: 'brownie', quantity: 1 }], placedMinutesAgo: 55, confirmAfter: 1, bumpAfter: 19 },
  { id: 'seed-e5a8', channel: 'dine_in', customer: 'Table 9', items: [{ productId: 'burger', quantity: 3, modifiers: ['no onions'] }], placedMinutesAgo: 40, confirmAfter: 2, cancelAfter: 5 },
  { id: 'seed-f1b9', channel: 'dine_in', customer: 'Table 2', items: [{ productId: 'fries', quantity: 1 }, { productId: 'wings', quantity: 2 }], placedMinutesAgo: 30, confirmAfter: 1, bumpAfter: 9 },
  { id: 'seed-g4c1', channel: 'takeaway', customer: 'Margaret Hamilton', items: [{ productId: 'burger', quantity: 1 }, { productId: 'fries', quantity: 1 }], placedMinutesAgo: 12, confirmAfter: 1, startAfter: 3 },
  { id: 'seed-h8d3', channel: 'delivery', customer: 'Edsger Dijkstra', items: [{ productId: 'salad', quantity: 2 }, { productId: 'lemonade', quantity: 2 }], placedMinutesAgo: 6, confirmAfter: 1 },
  { id: 'seed-j3e7', channel: 'online', customer: 'Barbara Liskov', items: [{ productId: 'brownie', quantity: 2 }], placedMinutesAgo: 2 },
];

/** A world for one test file, seeded with `orders`: started before its tests, stopped after them. */
export function dashboardWorldPerFile(orders: readonly SeedOrder[]): () => DashboardWorld {
  let world: DashboardWorld | undefined;
  beforeAll(async () => {
    world = await startDashboardWorld();
    await world.seedOrders(orders);
  }, 120_000);
  afterAll(async () => world?.stop());
  return () => {
    if (!world) throw new Error('the dashboard world has not started');
    return world;
  };
}

/** A signed-in manager's page at `path` on a screen of that size, synced. */
export async function managerPage(world: DashboardWorld, screen: Screen, path: string): Promise<Page> {
  const context = await managerContext(world.browser, world.tenant.managerToken, screen);
  const page = await context.newPage();
  await page.goto(`${world.server.url}${path}`);
  await waitSynced(page);
  return page;
}

/** Sends the new-order form's cart as a takeaway for `customer` (Create & confirm) and answers the new order's id. */
export async function confirmTakeaway(page: Page, customer: string): Promise<string> {
  // On a phone the cart is below the menu: its bar scrolls to it.
  if (await page.locator('.cart-bar button').isVisible()) await page.locator('.cart-bar button').click();
  await page.fill('input[name=customerName]', customer);
  await page.click('[data-channel="takeaway"]');
  await page.getByRole('button', { name: 'Create & confirm' }).click();
  await page.waitForURL(/\/orders\/o-/);
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
}
