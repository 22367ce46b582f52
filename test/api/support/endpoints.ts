import type { SeededTenant } from './fixtures.ts';

/** `customer`: a tracking token may call it too (only the restaurant's public details). */
export type Role = 'manager' | 'kitchen' | 'customer';

/** One REST endpoint, aimed at tenant A's resources, with the inputs the security table needs. */
export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  roles: readonly Role[];
  /** A body the endpoint accepts (only ever sent by callers who must be refused). */
  body?: unknown;
  /** Bodies of the wrong shape or types. */
  badBodies?: unknown[];
  /** Query strings that fail validation. */
  badQueries?: string[];
  /** The path with an id that does not exist, and with an id no resource can have. */
  unknown?: string;
  malformedId?: string;
  /** How another tenant's manager fares: not found, or its own (different) data, or not tried (creates). */
  crossTenant: 'not_found' | 'own_data' | 'skip';
}

const manager = ['manager'] as const;
const staff = ['manager', 'kitchen'] as const;

export function endpointsOf(a: SeededTenant): Endpoint[] {
  const o = a.draft.id;
  const c = a.confirmed.id;
  const ticket = a.tickets[0];
  if (!ticket) throw new Error('tenant A needs a ticket');
  const t = ticket.id;
  const item = ticket.items[0]?.id;
  const order = (suffix: string, method: Endpoint['method'], extra: Partial<Endpoint> = {}): Endpoint => ({
    method, path: `/api/orders/${o}${suffix}`, roles: manager, unknown: `/api/orders/nope-404${suffix}`,
    malformedId: `/api/orders/bad!id${suffix}`, crossTenant: 'not_found', ...extra,
  });
  const kitchenOrder = (suffix: string, method: Endpoint['method'], extra: Partial<Endpoint> = {}): Endpoint => ({
    method, path: `/api/kitchen/orders/${t}${suffix}`, roles: staff, unknown: `/api/kitchen/orders/nope.v1.x${suffix}`,
    malformedId: `/api/kitchen/orders/bad!id${suffix}`, crossTenant: 'not_found', ...extra,
  });
  const printer = (suffix: string, method: Endpoint['method'], roles: readonly Role[], extra: Partial<Endpoint> = {}): Endpoint => ({
    method, path: `/api/printers/${a.printerId}${suffix}`, roles, unknown: `/api/printers/nope-404${suffix}`,
    malformedId: `/api/printers/bad!id${suffix}`, crossTenant: 'not_found', ...extra,
  });
  const goodOrder = { channel: 'dine_in', customer: { name: 'Eve' }, items: [{ productId: a.productId, quantity: 1 }] };
  return [
    { method: 'POST', path: '/api/orders', roles: manager, body: goodOrder, crossTenant: 'not_found',
      badBodies: [{}, { ...goodOrder, channel: 'drone' }, { ...goodOrder, items: [] }, { ...goodOrder, items: [{ productId: a.productId, quantity: 'two' }] },
        { ...goodOrder, customer: 'Eve' }, { ...goodOrder, items: [{ productId: 'bad id!', quantity: 1 }] }, [goodOrder],
        { ...goodOrder, customer: { name: 'Eve\u0000' } }, { ...goodOrder, items: [{ productId: a.productId, quantity: 1, notes: '\ud800' }] }] },
    { method: 'GET', path: '/api/orders', roles: manager, crossTenant: 'own_data',
      badQueries: ['limit=0', 'limit=abc', 'status=lost', 'channel=drone', 'cursor=garbage', 'from=yesterday', 'from=2025-03-10T10:00:00', 'limit=1&limit=2', 'customer=%00',
        `cursor=${Buffer.from(JSON.stringify([1, 'x\u0000'])).toString('base64url')}`] },
    { method: 'GET', path: '/api/orders/stats', roles: manager, crossTenant: 'own_data',
      badQueries: ['date=2025-13-45', 'date=2025-02-30', 'from=1', 'from=2&to=1', 'from=0&to=99999999999', 'date=2025-01-01&from=1&to=2'] },
    order('', 'GET'),
    order('/confirm', 'PUT'),
    order('/status', 'PUT', { body: { status: 'confirmed' }, badBodies: [{}, { status: 'eaten' }, { status: 42 }, { status: 'cancelled', reason: 'x'.repeat(501) }] }),
    order('', 'DELETE', { badBodies: [{ reason: 7 }, { reason: 'oops\u0000' }], badQueries: [`reason=${'x'.repeat(501)}`, 'reason=%00'] }),
    order('/history', 'GET'),
    order('/transitions', 'GET'),
    { ...order('/production-contract', 'GET'), path: `/api/orders/${c}/production-contract`, badQueries: ['version=0', 'version=x', 'all=yes', 'version=1&all=true'] },
    { ...order('/production-contract/reissue', 'POST'), path: `/api/orders/${c}/production-contract/reissue` },
    order('/consumption', 'GET'),
    { ...order('/courses/2/fire', 'POST'), path: `/api/orders/${c}/courses/2/fire`, roles: staff, malformedId: '/api/orders/bad!id/courses/2/fire' },
    // Courses run 1–9: a course outside them is a malformed path, whoever asks.
    { ...order('/courses/10/fire', 'POST'), path: `/api/orders/${c}/courses/10/fire`, roles: staff, crossTenant: 'skip', unknown: '/api/orders/nope-404/courses/3/fire',
      malformedId: `/api/orders/${c}/courses/first/fire` },
    { ...order('/hand-off', 'POST'), path: `/api/orders/${c}/hand-off`, roles: staff },
    { ...order('/rush', 'PUT'), path: `/api/orders/${c}/rush`, roles: staff, body: { rush: true }, badBodies: [{}, { rush: 'yes' }, [true]] },
    { method: 'GET', path: '/api/kitchen/orders', roles: staff, crossTenant: 'own_data', badQueries: ['status=burnt', 'station=bad!id', 'limit=1000'] },
    kitchenOrder('', 'GET'),
    { method: 'GET', path: `/api/kitchen/orders/by-order/${c}`, roles: staff, unknown: '/api/kitchen/orders/by-order/nope-404',
      malformedId: '/api/kitchen/orders/by-order/bad!id', crossTenant: 'not_found', badQueries: ['all=1'] },
    { method: 'POST', path: '/api/kitchen/orders', roles: manager, body: { orderId: o }, crossTenant: 'not_found',
      badBodies: [{}, { orderId: 12 }, { orderId: 'bad id!' }] },
    { method: 'POST', path: `/api/kitchen/orders/from-contract/${a.contractId}`, roles: manager, unknown: '/api/kitchen/orders/from-contract/nope.v1',
      malformedId: '/api/kitchen/orders/from-contract/bad!id', crossTenant: 'not_found' },
    kitchenOrder('/status', 'PUT', { body: { status: 'ready' }, badBodies: [{}, { status: 'burnt' }, { status: true }] }),
    kitchenOrder('/items/status', 'PUT', { body: { itemId: item, status: 'in_progress' }, badBodies: [{ status: 'done' }, { itemId: 7, status: 'done' }, { itemId: item, status: 'cooked' }] }),
    { method: 'GET', path: '/api/kitchen/stations', roles: staff, crossTenant: 'own_data', badQueries: ['active=maybe', 'type=Bad Type'] },
    { method: 'GET', path: `/api/kitchen/stations/${a.stationId}`, roles: staff, unknown: '/api/kitchen/stations/nope-404',
      malformedId: '/api/kitchen/stations/bad!id', crossTenant: 'not_found' },
    { method: 'POST', path: '/api/kitchen/stations', roles: manager, body: { name: 'Wok', type: 'wok', capacity: 2 }, crossTenant: 'skip',
      badBodies: [{}, { name: 'Wok', type: 'wok', capacity: 0 }, { name: 'Wok', type: 'Wok Line', capacity: 2 }, { name: 'Wok', type: 'wok', capacity: 'lots' },
        { name: 'Wok', type: 'wok', capacity: 2, warnMinutes: 10, lateMinutes: 10 }, { name: 'Wok', type: 'wok', capacity: 2, warnMinutes: 12 },
        { name: 'Wok', type: 'wok', capacity: 2, lateMinutes: 241 }] },
    ...(['PUT', 'PATCH'] as const).map((method): Endpoint => ({
      method, path: `/api/kitchen/stations/${a.stationId}`, roles: manager, body: { capacity: 3 }, unknown: '/api/kitchen/stations/nope-404',
      malformedId: '/api/kitchen/stations/bad!id', crossTenant: 'not_found',
      badBodies: [{ capacity: -1 }, { active: 'no' }, { name: '' }, { warnMinutes: 9, lateMinutes: 3 }, { lateMinutes: 4 }, { warnMinutes: 0 }],
    })),
    { method: 'GET', path: '/api/kitchen/consumption', roles: staff, crossTenant: 'own_data', badQueries: ['date=today', 'to=5'] },
    { method: 'GET', path: '/api/printers', roles: staff, crossTenant: 'own_data' },
    { method: 'POST', path: '/api/printers', roles: manager, body: { name: 'Bar', host: '127.0.0.1', paperMm: 58 }, crossTenant: 'skip',
      badBodies: [{}, { name: 'No host' }, { name: 'X', host: 'h', paperMm: 70 }, { name: 'X', host: 'bad host!', paperMm: 58 }] },
    printer('', 'GET', staff),
    ...(['PUT', 'PATCH'] as const).map((method) => printer('', method, manager, { body: { name: 'Pass' }, badBodies: [{ port: 0 }, { paperMm: 70 }, { name: '' }] })),
    printer('/assignments', 'PUT', manager, { body: { role: 'expo' }, badBodies: [{}, { role: 'chef' }, { role: 'backup', stationId: 'bad id!' }] }),
    // `role` is required: the unknown and malformed ids carry a valid one, so only the id is wrong.
    printer('/assignments', 'DELETE', manager, { path: `/api/printers/${a.printerId}/assignments?role=expo`, unknown: '/api/printers/nope-404/assignments?role=expo', malformedId: '/api/printers/bad!id/assignments?role=expo', badQueries: ['role=chef'] }),
    printer('/redirect', 'PUT', manager, { body: { to: null }, badBodies: [{}, { to: 7 }, { to: 'bad id!' }] }),
    { method: 'GET', path: '/api/print-jobs', roles: manager, crossTenant: 'own_data', badQueries: ['status=lost', 'limit=0'] },
    { method: 'POST', path: '/api/print-jobs/reprints', roles: staff, body: { kitchenOrderId: t }, crossTenant: 'not_found',
      badBodies: [{}, { kitchenOrderId: 7 }, { kitchenOrderId: 'bad id!' }] },
    { method: 'GET', path: '/api/products', roles: staff, crossTenant: 'own_data', badQueries: ['active=1', 'category=a%00b'] },
    { method: 'GET', path: `/api/products/${a.productId}`, roles: staff, unknown: '/api/products/nope-404', malformedId: '/api/products/bad!id', crossTenant: 'not_found' },
    { method: 'POST', path: '/api/products', roles: manager, body: { name: 'Tea', priceCents: 300, stationType: 'bar', prepSeconds: 60 }, crossTenant: 'skip',
      badBodies: [{}, { name: 'Tea', priceCents: -1, stationType: 'bar', prepSeconds: 60 }, { name: 'Tea', priceCents: '3', stationType: 'bar', prepSeconds: 60 }] },
    ...(['PUT', 'PATCH'] as const).map((method): Endpoint => ({
      method, path: `/api/products/${a.productId}`, roles: manager, body: { priceCents: 1900 }, unknown: '/api/products/nope-404',
      malformedId: '/api/products/bad!id', crossTenant: 'not_found', badBodies: [{ priceCents: 1.5 }, { allergens: 'none' }, { ingredients: [{ name: 'x' }] }],
    })),
    { method: 'PUT', path: `/api/products/${a.productId}/sold-out`, roles: staff, body: { soldOut: true }, unknown: '/api/products/nope-404/sold-out',
      malformedId: '/api/products/bad!id/sold-out', crossTenant: 'not_found', badBodies: [{}, { soldOut: 'yes' }, { soldOut: 1 }] },
    { method: 'PUT', path: `/api/products/${a.productId}/modifier-groups/size/options/large/sold-out`, roles: staff, body: { soldOut: true },
      unknown: '/api/products/nope-404/modifier-groups/size/options/large/sold-out', malformedId: '/api/products/bad!id/modifier-groups/size/options/large/sold-out',
      crossTenant: 'not_found', badBodies: [{}, { soldOut: 'yes' }] },
    { method: 'GET', path: '/api/tenant/settings', roles: ['manager', 'kitchen', 'customer'], crossTenant: 'own_data' },
    { method: 'PUT', path: '/api/tenant/settings', roles: manager, body: { phone: '020 7946 0000' }, crossTenant: 'skip',
      badBodies: [{}, { phone: 'n/a' }, { phone: 12345 }, { name: '' }, { colour: 'red' }] },
  ];
}
