import type { Channel, KitchenOrder } from '@kitchensync/shared';
import { newClient, type Client } from '../support/replicache-client.ts';
import { api } from '../support/server.ts';

export interface MenuItem {
  readonly key: string;
  readonly name: string;
  readonly stationType: string;
  readonly prepSeconds: number;
  readonly allergens?: string[];
}

export interface OrderLineInput {
  readonly product: string;
  readonly quantity: number;
  readonly modifiers?: string[];
  readonly notes?: string;
}

/** What the manager (or the front of house) does to the tenant while the kitchen screen runs. */
export interface Manager {
  readonly via: 'rest' | 'replicache';
  /** Creates products and stations; returns ids by key / station name. */
  seed(menu: readonly MenuItem[], stations: readonly { name: string; type: string }[]): Promise<{ products: Record<string, string>; stations: Record<string, string> }>;
  /** Creates and confirms an order; resolves with its id once the kitchen tickets exist. */
  order(channel: Channel, lines: readonly OrderLineInput[], customer?: string): Promise<string>;
  tickets(orderId: string): Promise<KitchenOrder[]>;
  cancel(orderId: string): Promise<void>;
  bump(kitchenOrderId: string): Promise<void>;
  close(): Promise<void>;
}

const expectOk = <T>(r: { status: number; body: T }, what: string): T => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
};

/** REST per DESIGN.md, once the server has it; otherwise a manager Replicache client running the same mutators. */
export async function connectManager(server: { url: string }, token: string): Promise<Manager> {
  const probe = await api(server, token, 'GET', '/api/kitchen/stations');
  return probe.status === 200 ? restManager(server, token) : replicacheManager(server, token);
}

function restManager(server: { url: string }, token: string): Manager {
  const productIds: Record<string, string> = {};
  return {
    via: 'rest',
    async seed(menu, stations) {
      const stationIds: Record<string, string> = {};
      for (const s of stations) {
        stationIds[s.name] = expectOk(await api<{ id: string }>(server, token, 'POST', '/api/kitchen/stations', { ...s, capacity: 4 }), 'station').id;
      }
      for (const m of menu) {
        const body = { name: m.name, priceCents: 1000, stationType: m.stationType, prepSeconds: m.prepSeconds, allergens: m.allergens ?? [] };
        productIds[m.key] = expectOk(await api<{ id: string }>(server, token, 'POST', '/api/products', body), 'product').id;
      }
      return { products: { ...productIds }, stations: stationIds };
    },
    async order(channel, lines, customer = 'Guest') {
      const items = lines.map((l) => ({ productId: productIds[l.product] ?? l.product, quantity: l.quantity, modifiers: l.modifiers, notes: l.notes }));
      const order = expectOk(await api<{ id: string }>(server, token, 'POST', '/api/orders', { channel, customer: { name: customer }, items }), 'order');
      expectOk(await api(server, token, 'PUT', `/api/orders/${order.id}/confirm`), 'confirm');
      return order.id;
    },
    async tickets(orderId) {
      return expectOk(await api<{ items: KitchenOrder[] }>(server, token, 'GET', `/api/kitchen/orders/by-order/${orderId}`), 'tickets').items;
    },
    async cancel(orderId) {
      expectOk(await api(server, token, 'DELETE', `/api/orders/${orderId}`), 'cancel');
    },
    async bump(kitchenOrderId) {
      expectOk(await api(server, token, 'PUT', `/api/kitchen/orders/${kitchenOrderId}/status`, { status: 'ready' }), 'bump');
    },
    close: async () => undefined,
  };
}

let seq = 0;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${(seq++).toString(36)}`;

/** Pushes until the server has taken every pending mutation, then pulls its answer. */
async function settle(rep: Client): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    await rep.push({ now: true }).catch(() => undefined);
    await rep.pull({ now: true }).catch(() => undefined);
    if ((await rep.experimentalPendingMutations()).length === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('manager client did not settle');
}

function replicacheManager(server: { url: string }, token: string): Manager {
  const rep = newClient(server, token);
  return {
    via: 'replicache',
    async seed(menu, stations) {
      const stationIds: Record<string, string> = {};
      for (const s of stations) {
        stationIds[s.name] = newId('st');
        await rep.mutate.upsertStation({ id: stationIds[s.name]!, name: s.name, type: s.type, capacity: 4 });
      }
      const products: Record<string, string> = {};
      for (const m of menu) {
        products[m.key] = m.key;
        await rep.mutate.upsertProduct({ id: m.key, name: m.name, priceCents: 1000, stationType: m.stationType, prepSeconds: m.prepSeconds, allergens: m.allergens ?? [] });
      }
      await settle(rep);
      return { products, stations: stationIds };
    },
    async order(channel, lines, customer = 'Guest') {
      const id = newId('o');
      const items = lines.map((l, i) => ({
        id: `l${i + 1}`,
        productId: l.product,
        quantity: l.quantity,
        ...(l.modifiers ? { modifiers: l.modifiers } : {}),
        ...(l.notes ? { notes: l.notes } : {}),
      }));
      await rep.mutate.createOrder({ id, channel, customer: { name: customer }, items, at: Date.now() });
      await rep.mutate.confirmOrder({ orderId: id, at: Date.now() });
      await settle(rep);
      return id;
    },
    async tickets(orderId) {
      await rep.pull({ now: true });
      await settle(rep);
      return rep.query(async (tx) => (await tx.scan({ prefix: `kitchenOrder/${orderId}.` }).values().toArray()) as unknown as KitchenOrder[]);
    },
    async cancel(orderId) {
      await rep.mutate.cancelOrder({ orderId, reason: 'guest left', at: Date.now() });
      await settle(rep);
    },
    async bump(kitchenOrderId) {
      await rep.mutate.bumpKitchenOrder({ kitchenOrderId, at: Date.now() });
      await settle(rep);
    },
    close: () => rep.close(),
  };
}
