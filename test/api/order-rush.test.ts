import { describe, expect, it } from 'vitest';
import type { Order } from '@kitchensync/shared';
import { api, backends } from '../support/server.ts';
import { connectedClient, settle, waitFor } from '../support/replicache-client.ts';
import { menuTenantPerTest } from './support/menu-server.ts';
import { errorCode } from './support/rest.ts';

describe.each(backends)('RUSH: a manager or expo puts an order first (%s)', (backend) => {
  const { boot, m, k, as, s, t, cleanups } = menuTenantPerTest(backend);
  const confirmedOrder = async (): Promise<Order> => {
    const order: Order = await m('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'G' }, items: [{ productId: 'salad', quantity: 1 }] }, 201);
    await m('PUT', `/api/orders/${order.id}/confirm`);
    return order;
  };

  it('PUT /api/orders/:id/rush sets and clears the flag for the manager and the kitchen, and the history says who', async () => {
    await boot();
    const order = await confirmedOrder();
    expect(await m('PUT', `/api/orders/${order.id}/rush`, { rush: true })).toMatchObject({ id: order.id, rush: true });
    expect(await m('GET', `/api/orders/${order.id}`)).toMatchObject({ rush: true });
    expect(await k('PUT', `/api/orders/${order.id}/rush`, { rush: false })).toMatchObject({ rush: false });
    const history = await m('GET', `/api/orders/${order.id}/history`);
    const changes = history.events.filter((e: { type: string }) => e.type === 'order.rush_changed');
    expect(changes.map((e: { actor: { role: string }; data: { rush: boolean } }) => [e.actor.role, e.data.rush])).toEqual([
      ['manager', true],
      ['kitchen', false],
    ]);
  });

  it('refuses a bad body (400), an unknown order (404), a served order (409) and a customer (403), changing nothing', async () => {
    await boot();
    const order = await confirmedOrder();
    const bad = await as('manager', 'PUT', `/api/orders/${order.id}/rush`, { rush: 'yes' });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'invalid_request']);
    expect((await as('manager', 'PUT', '/api/orders/nope/rush', { rush: true })).status).toBe(404);
    const customer = await api(s(), order.trackingToken, 'PUT', `/api/orders/${order.id}/rush`, { rush: true });
    expect(customer.status).toBe(403);
    const [ticket] = (await k('GET', `/api/kitchen/orders/by-order/${order.id}`)).items;
    await k('PUT', `/api/kitchen/orders/${ticket.id}/status`, { status: 'ready' });
    await k('POST', `/api/orders/${order.id}/hand-off`);
    const late = await as('kitchen', 'PUT', `/api/orders/${order.id}/rush`, { rush: true });
    expect([late.status, errorCode(late)]).toEqual([409, 'illegal_transition']);
    expect((await m('GET', `/api/orders/${order.id}`)).rush).toBeUndefined();
  });

  it('a kitchen terminal rushes over sync and the manager replica sees it', async () => {
    await boot();
    const order = await confirmedOrder();
    const terminal = await connectedClient(s(), t().kitchenToken);
    const dashboard = await connectedClient(s(), t().managerToken);
    cleanups.push(terminal.close, dashboard.close);
    await waitFor(terminal.rep, (tx) => tx.get(`order/${order.id}`), (o) => o !== undefined);
    await terminal.rep.mutate.setOrderRush({ orderId: order.id, rush: true, at: Date.now() });
    await settle(terminal.rep);
    await waitFor(dashboard.rep, (tx) => tx.get(`order/${order.id}`), (o) => (o as Order | undefined)?.rush === true);
  });
});
