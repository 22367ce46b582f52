import type { Channel, KitchenOrder } from '@kitchensync/shared';
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

/** The manager's REST API (DESIGN.md), which writes through the same mutators as sync clients. */
export async function connectManager(server: { url: string }, token: string): Promise<Manager> {
  return restManager(server, token);
}

function restManager(server: { url: string }, token: string): Manager {
  const productIds: Record<string, string> = {};
  return {
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
