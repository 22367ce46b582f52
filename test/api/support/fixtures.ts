import type { KitchenOrder, Order } from '@kitchensync/shared';
import type { Database } from '../../../server/src/db/database.ts';
import { api, createTenant, type TestServer, type TestTenant } from '../../support/server.ts';
import { ok, seedMenu } from './rest.ts';

export interface SeededTenant extends TestTenant {
  /** Strings only this tenant's data contains: no answer to the other tenant may include them. */
  secrets: string[];
  draft: Order;
  confirmed: Order;
  tickets: KitchenOrder[];
  contractId: string;
  productId: string;
  stationId: string;
  printerId: string;
}

/** A tenant with its own menu item and station, a draft order and a confirmed one. */
export async function seedTenant(server: TestServer, tag: string): Promise<SeededTenant> {
  const tenant = await createTenant(server, `Bistro ${tag}`);
  const m = tenant.managerToken;
  await seedMenu(server, m);
  const productId = `${tag}-special`;
  const stationId = `${tag}-grill`;
  await ok(server, m, 'POST', '/api/products', {
    id: productId, name: `${tag} secret stew`, priceCents: 1800, stationType: 'grill', prepSeconds: 600,
    modifierGroups: [{ id: 'size', name: 'Size', min: 0, max: 1, options: [{ id: 'large', name: 'Large', priceDeltaCents: 300 }] }],
  }, 201);
  await ok(server, m, 'POST', '/api/kitchen/stations', { id: stationId, name: `${tag} grill`, type: 'grill', capacity: 2 }, 201);
  const printerId = `${tag}-printer`;
  await ok(server, m, 'POST', '/api/printers', { id: printerId, name: `${tag} pass printer`, host: '127.0.0.1', paperMm: 80 }, 201);
  const order = (name: string) =>
    ok<Order>(server, m, 'POST', '/api/orders', {
      channel: 'takeaway',
      customer: { name, email: `${name.toLowerCase().replace(/\W/g, '')}@example.com` },
      items: [{ productId, quantity: 1 }, { productId: 'fries', quantity: 2 }],
    }, 201);
  const draft = await order(`${tag} Draftson`);
  const confirmed = await ok<Order>(server, m, 'PUT', `/api/orders/${(await order(`${tag} Keen`)).id}/confirm`);
  const { items: tickets } = await ok<{ items: KitchenOrder[] }>(server, m, 'GET', `/api/kitchen/orders/by-order/${confirmed.id}`);
  return {
    ...tenant,
    draft,
    confirmed,
    tickets,
    contractId: `${confirmed.id}.v1`,
    productId,
    stationId,
    printerId,
    secrets: [tenant.tenantId, draft.id, confirmed.id, productId, stationId, `${tag} secret stew`, `${tag} Draftson`, draft.trackingToken, confirmed.trackingToken],
  };
}

const tables = ['tenants', 'tokens', 'products', 'stations', 'customers', 'orders', 'contracts', 'kitchen_orders', 'kitchen_order_items', 'events', 'printers', 'print_jobs'];

/** A fingerprint of every table a REST call could change. */
export async function snapshot(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await db.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM ${table} t`,
    );
    out[table] = `${rows[0]?.n}:${rows[0]?.h}`;
  }
  return out;
}

export { api };
