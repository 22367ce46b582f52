import { afterEach, describe, expect, it } from 'vitest';
import type { Order } from '@kitchensync/shared';
import { api, backends, createTenant, startServer, type TestServer } from '../support/server.ts';
import { errorCode, ok, seedMenu } from './support/rest.ts';

describe.each(backends)('concurrent REST writes (%s)', (backend) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('each of many simultaneous writes gets its own answer, and refused ones change nothing', async () => {
    server = await startServer({ backend });
    const s = server;
    const t = await createTenant(s);
    await seedMenu(s, t.managerToken);
    await ok(s, t.managerToken, 'POST', '/api/products', { id: 'retired', name: 'Retired', priceCents: 100, stationType: 'grill', prepSeconds: 60, active: false }, 201);
    const drafts = await Promise.all(
      [1, 2, 3, 4].map(() => ok<Order>(s, t.managerToken, 'POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Early' }, items: [{ productId: 'burger', quantity: 1 }] }, 201)),
    );
    const order = (productId: string, name: string) => ({ channel: 'takeaway', customer: { name }, items: [{ productId, quantity: 1 }] });
    const requests: [string, string, unknown, number][] = [
      ...Array.from({ length: 12 }, (_, i): [string, string, unknown, number] => ['POST', '/api/orders', order('fries', `Guest ${i}`), 201]),
      ...Array.from({ length: 4 }, (_, i): [string, string, unknown, number] => ['POST', '/api/orders', order('retired', `Refused ${i}`), 422]),
      ...Array.from({ length: 4 }, (_, i): [string, string, unknown, number] => ['PUT', `/api/orders/missing-${i}/confirm`, undefined, 404]),
      ...drafts.map((d): [string, string, unknown, number] => ['PUT', `/api/orders/${d.id}/confirm`, undefined, 200]),
      ...drafts.map((d): [string, string, unknown, number] => ['PUT', `/api/orders/${d.id}/status`, { status: 'delivered' }, 409]),
    ];
    const answers = await Promise.all(requests.map(([method, path, body]) => api(s, t.managerToken, method, path, body)));
    answers.forEach((res, i) => {
      const [method, path, , status] = requests[i] as [string, string, unknown, number];
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
    });
    expect(answers.filter((r) => r.status === 422).every((r) => errorCode(r) === 'invalid_args')).toBe(true);

    const { items } = await ok<{ items: Order[] }>(s, t.managerToken, 'GET', '/api/orders?limit=200');
    expect(items.map((o) => o.customer.name).sort()).toEqual([...Array.from({ length: 12 }, (_, i) => `Guest ${i}`), 'Early', 'Early', 'Early', 'Early'].sort());
    expect(items.filter((o) => o.customer.name === 'Early').every((o) => o.status === 'confirmed')).toBe(true);
    for (const res of answers.filter((r) => r.status === 201)) {
      const { events } = await ok(s, t.managerToken, 'GET', `/api/orders/${(res.body as Order).id}/history`);
      expect(events.map((e: any) => e.type)).toEqual(['order.created']);
      expect(events[0].requestId).toBe(res.headers.get('x-request-id'));
    }
  });
});
