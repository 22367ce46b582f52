import type { Channel, Choice, KitchenOrder } from '@kitchensync/shared';
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
  readonly course?: number;
  /** A guest allergy on this line. */
  readonly allergy?: string;
  /** Answers to the product's modifier groups. */
  readonly choices?: readonly Choice[];
}

/** Order-level extras: the guest allergy for every ticket, table and covers. */
export interface OrderExtras {
  readonly allergy?: string;
  readonly table?: string;
  readonly guests?: number;
}

/** What the manager (or the front of house) does to the tenant while the kitchen screen runs. */
export interface Manager {
  /** Creates products and stations; returns ids by key / station name. */
  seed(menu: readonly MenuItem[], stations: readonly { name: string; type: string }[]): Promise<{ products: Record<string, string>; stations: Record<string, string> }>;
  /** Creates and confirms an order; resolves with its id once the kitchen tickets exist. */
  order(channel: Channel, lines: readonly OrderLineInput[], customer?: string, extras?: OrderExtras): Promise<string>;
  tickets(orderId: string): Promise<KitchenOrder[]>;
  cancel(orderId: string, reason?: string): Promise<void>;
  bump(kitchenOrderId: string): Promise<void>;
  /** The manager marks the whole order ready by hand (PUT /api/orders/:id/status). */
  markReady(orderId: string): Promise<void>;
  startItem(kitchenOrderId: string, itemId: string): Promise<void>;
  /** Answers the HTTP status (201 or the refusal) of creating an order, without confirming it. */
  tryOrder(lines: readonly OrderLineInput[]): Promise<{ status: number; body: unknown }>;
  product(key: string): Promise<{ id: string; soldOut?: boolean }>;
  setThresholds(stationId: string, warnMinutes: number, lateMinutes: number): Promise<void>;
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
  const line = (l: OrderLineInput) => ({
    productId: productIds[l.product] ?? l.product,
    quantity: l.quantity,
    modifiers: l.modifiers,
    notes: l.notes,
    course: l.course,
    allergy: l.allergy,
    choices: l.choices,
  });
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
    async order(channel, lines, customer = 'Guest', extras = {}) {
      const body = { channel, customer: { name: customer }, items: lines.map(line), ...extras };
      const order = expectOk(await api<{ id: string }>(server, token, 'POST', '/api/orders', body), 'order');
      expectOk(await api(server, token, 'PUT', `/api/orders/${order.id}/confirm`), 'confirm');
      return order.id;
    },
    async tickets(orderId) {
      return expectOk(await api<{ items: KitchenOrder[] }>(server, token, 'GET', `/api/kitchen/orders/by-order/${orderId}`), 'tickets').items;
    },
    async cancel(orderId, reason) {
      const path = `/api/orders/${orderId}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`;
      expectOk(await api(server, token, 'DELETE', path), 'cancel');
    },
    async markReady(orderId) {
      expectOk(await api(server, token, 'PUT', `/api/orders/${orderId}/status`, { status: 'ready' }), 'mark ready');
    },
    async startItem(kitchenOrderId, itemId) {
      expectOk(await api(server, token, 'PUT', `/api/kitchen/orders/${kitchenOrderId}/items/status`, { itemId, status: 'in_progress' }), 'start item');
    },
    async tryOrder(lines) {
      return api(server, token, 'POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Refused' }, items: lines.map(line) });
    },
    async product(key) {
      return expectOk(await api<{ id: string; soldOut?: boolean }>(server, token, 'GET', `/api/products/${productIds[key] ?? key}`), 'product');
    },
    async setThresholds(stationId, warnMinutes, lateMinutes) {
      expectOk(await api(server, token, 'PATCH', `/api/kitchen/stations/${stationId}`, { warnMinutes, lateMinutes }), 'thresholds');
    },
    async bump(kitchenOrderId) {
      expectOk(await api(server, token, 'PUT', `/api/kitchen/orders/${kitchenOrderId}/status`, { status: 'ready' }), 'bump');
    },
    close: async () => undefined,
  };
}
