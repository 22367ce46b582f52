import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';

let server: TestServer;
let bistro: TestTenant;
let other: TestTenant;
let customerToken: string;

beforeAll(async () => {
  server = await startServer();
  bistro = await createTenant(server, 'Harbour Bistro');
  other = await createTenant(server, 'Other Place');
  await api(server, bistro.managerToken, 'POST', '/api/products', { id: 'fries', name: 'Fries', priceCents: 400, stationType: 'fry', prepSeconds: 180 });
  const order = await api<{ trackingToken: string }>(server, bistro.managerToken, 'POST', '/api/orders', {
    channel: 'takeaway',
    customer: { name: 'Bob' },
    items: [{ productId: 'fries', quantity: 1 }],
  });
  customerToken = order.body.trackingToken;
}, 60_000);
afterAll(async () => server?.stop());

describe('restaurant settings (name and phone the customer tracker shows)', () => {
  it('a tenant starts with its own name and no phone; the manager sets and clears the phone', async () => {
    expect((await api(server, bistro.managerToken, 'GET', '/api/tenant/settings')).body).toEqual({ name: 'Harbour Bistro', phone: null });
    const set = await api(server, bistro.managerToken, 'PUT', '/api/tenant/settings', { name: ' Harbour Bistro & Bar ', phone: '+44 20 7946 0000' });
    expect(set).toMatchObject({ status: 200, body: { name: 'Harbour Bistro & Bar', phone: '+44 20 7946 0000' } });
    const clear = await api(server, bistro.managerToken, 'PUT', '/api/tenant/settings', { phone: null });
    expect(clear.body).toEqual({ name: 'Harbour Bistro & Bar', phone: null });
    await api(server, bistro.managerToken, 'PUT', '/api/tenant/settings', { phone: '020 7946 0000' });
  });

  it('a tracking token reads its own restaurant, and cannot change it', async () => {
    expect((await api(server, customerToken, 'GET', '/api/tenant/settings')).body).toEqual({ name: 'Harbour Bistro & Bar', phone: '020 7946 0000' });
    expect((await api(server, customerToken, 'PUT', '/api/tenant/settings', { phone: '000 000 000' })).status).toBe(403);
    expect((await api(server, other.managerToken, 'GET', '/api/tenant/settings')).body).toEqual({ name: 'Other Place', phone: null });
  });

  it('refuses what is not a name or a phone number, and staff other than the manager', async () => {
    for (const body of [{}, { phone: 'n/a' }, { phone: '12' }, { name: '' }, { name: 'x'.repeat(81) }, { colour: 'red' }]) {
      const r = await api(server, bistro.managerToken, 'PUT', '/api/tenant/settings', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect((r.body as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    expect((await api(server, bistro.kitchenToken, 'PUT', '/api/tenant/settings', { phone: '020 7946 0001' })).status).toBe(403);
    expect((await api(server, undefined, 'GET', '/api/tenant/settings')).status).toBe(401);
    expect((await api(server, server.adminToken, 'GET', '/api/tenant/settings')).status).toBe(403);
  });
});
