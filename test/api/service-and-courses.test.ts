import { describe, expect, it } from 'vitest';
import type { KitchenOrder, Order, Product, Rejection, Station } from '@kitchensync/shared';
import { backends } from '../support/server.ts';
import { connectedClient, newClient, readOrder, settle, waitFor } from '../support/replicache-client.ts';
import { menuTenantPerTest } from './support/menu-server.ts';
import { errorCode } from './support/rest.ts';

describe.each(backends)('coursing, guest allergies, 86 and expo hand-off over REST and sync (%s)', (backend) => {
  const { boot, m, k, as, s, t, cleanups } = menuTenantPerTest(backend);
  const ticketsOf = async (orderId: string): Promise<KitchenOrder[]> => (await k('GET', `/api/kitchen/orders/by-order/${orderId}`)).items;
  const simpleOrder = (channel: string, productId = 'salad') =>
    m('POST', '/api/orders', { channel, customer: { name: 'Guest' }, items: [{ productId, quantity: 1 }] }, 201) as Promise<Order>;

  it('an order with courses, allergies and a table: course 2 is held on confirm and queued once fired', async () => {
    await boot();
    const created: Order = await m('POST', '/api/orders', {
      channel: 'dine_in', customer: { name: 'Party of 8' }, table: '12', guests: 8, allergy: 'shellfish',
      items: [
        { productId: 'salad', quantity: 2, course: 1, allergy: 'SEVERE coeliac – change gloves' },
        { productId: 'burger', quantity: 6, course: 2 },
        { productId: 'fries', quantity: 3, course: 2 },
      ],
    }, 201);
    expect(created).toMatchObject({ table: '12', guests: 8, allergy: 'shellfish' });
    expect(created.lines.map((l) => [l.course, l.allergy])).toEqual([[1, 'SEVERE coeliac – change gloves'], [2, undefined], [2, undefined]]);

    await m('PUT', `/api/orders/${created.id}/confirm`);
    const tickets = await ticketsOf(created.id);
    expect(tickets.map((tk) => [tk.id.slice(created.id.length), tk.status, tk.course])).toEqual([
      ['.v1.cold-1', 'queued', 1],
      ['.v1.fry-1.c2', 'held', 2],
      ['.v1.grill-1.c2', 'held', 2],
    ]);
    expect(tickets[0]).toMatchObject({ table: '12', guests: 8, guestAllergies: ['shellfish', 'SEVERE coeliac – change gloves'] });
    const held = (await k('GET', '/api/kitchen/orders')).items.filter((tk: KitchenOrder) => tk.status === 'held');
    expect(held.map((tk: KitchenOrder) => tk.id).sort()).toEqual([tickets[1]?.id, tickets[2]?.id]);
    const stations: Station[] = (await k('GET', '/api/kitchen/stations')).items;
    expect(stations.find((s) => s.id === 'grill-1')?.openTickets).toBe(0);

    const terminal = await connectedClient(s(), t().kitchenToken);
    cleanups.push(terminal.close);
    const courseTwo = (status: string) => (tickets: KitchenOrder[]) => tickets.filter((tk) => tk.course === 2 && tk.status === status).length === 2;
    const replicaTickets = (tx: Parameters<Parameters<typeof terminal.rep.subscribe>[0]>[0]) => tx.scan({ prefix: 'kitchenOrder/' }).values().toArray();
    await waitFor(terminal.rep, replicaTickets, courseTwo('held'));

    const fired = await k('POST', `/api/orders/${created.id}/courses/2/fire`);
    await waitFor(terminal.rep, replicaTickets, courseTwo('queued'));
    expect(fired.items.map((tk: KitchenOrder) => [tk.status, tk.course])).toEqual([['queued', 2], ['queued', 2]]);
    expect(fired.items[0].firedAt).toEqual(expect.any(Number));
    const again = await as('kitchen', 'POST', `/api/orders/${created.id}/courses/2/fire`);
    expect([again.status, errorCode(again)]).toEqual([409, 'illegal_transition']);

    const history = await m('GET', `/api/orders/${created.id}/history`);
    const courseFired = history.events.find((e: { type: string }) => e.type === 'course.fired');
    expect(courseFired).toMatchObject({ actor: { role: 'kitchen' }, source: 'rest', mutationName: 'fireCourse', data: { course: 2 } });
  });

  it('a held ticket is fired by asking for queued, and refuses a bump; starting is for its items', async () => {
    await boot();
    const order: Order = await m('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'G' }, items: [{ productId: 'salad', quantity: 1 }, { productId: 'burger', quantity: 1, course: 3 }] }, 201);
    await m('PUT', `/api/orders/${order.id}/confirm`);
    const main = `${order.id}.v1.grill-1.c3`;
    const bump = await as('kitchen', 'PUT', `/api/kitchen/orders/${main}/status`, { status: 'ready' });
    expect([bump.status, errorCode(bump)]).toEqual([409, 'illegal_transition']);
    expect(await k('PUT', `/api/kitchen/orders/${main}/status`, { status: 'queued' })).toMatchObject({ status: 'queued', course: 3 });
    const start = await as('kitchen', 'PUT', `/api/kitchen/orders/${main}/status`, { status: 'in_progress' });
    expect([start.status, errorCode(start)]).toEqual([409, 'illegal_transition']);
    expect(start.body).toMatchObject({ error: { message: expect.stringContaining('first item'), details: { event: 'start' } } });
  });

  it('a sold-out product: 409 sold_out on create and on confirm, back on sale when put back', async () => {
    await boot();
    const draft = await simpleOrder('takeaway', 'fries');
    const product: Product = await k('PUT', '/api/products/fries/sold-out', { soldOut: true });
    expect(product).toMatchObject({ id: 'fries', soldOut: true });

    const refused = await as('manager', 'POST', '/api/orders', { channel: 'dine_in', customer: { name: 'G' }, items: [{ productId: 'fries', quantity: 1 }] });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ error: { code: 'sold_out', message: 'sold out: Fries', details: { productIds: ['fries'] } } });
    const confirm = await as('manager', 'PUT', `/api/orders/${draft.id}/confirm`);
    expect([confirm.status, errorCode(confirm)]).toEqual([409, 'sold_out']);
    expect((await m('GET', `/api/orders/${draft.id}`)).status).toBe('draft');

    await k('PUT', '/api/products/fries/sold-out', { soldOut: false });
    expect((await m('PUT', `/api/orders/${draft.id}/confirm`)).status).toBe('confirmed');
  });

  it('an order for a product 86ed meanwhile is rejected over sync with sold_out, and undone on the client', async () => {
    const s = await boot();
    const rep = newClient(s, t().managerToken);
    try {
      await rep.pull({ now: true });
      await k('PUT', '/api/products/burger/sold-out', { soldOut: true });
      await rep.mutate.createOrder({ id: 'sync-1', channel: 'dine_in', customer: { name: 'G' }, items: [{ id: 'l1', productId: 'burger', quantity: 1 }], at: Date.now() });
      expect(await readOrder(rep, 'sync-1')).toBeDefined();
      await settle(rep);
      expect(await readOrder(rep, 'sync-1')).toBeUndefined();
      const rejections = await rep.query(async (tx) => (await tx.scan({ prefix: 'rejection/' }).values().toArray()) as Rejection[]);
      expect(rejections).toEqual([expect.objectContaining({ mutationName: 'createOrder', code: 'sold_out', message: 'sold out: Burger' })]);
      expect((await as('manager', 'GET', '/api/orders/sync-1')).status).toBe(404);
    } finally {
      await rep.close();
    }
  });

  it('a kitchen terminal fires, 86es and hands off over sync; the manager replica and REST agree', async () => {
    await boot();
    const order: Order = await m('POST', '/api/orders', { channel: 'takeaway', customer: { name: 'G' }, items: [{ productId: 'salad', quantity: 1, course: 2 }] }, 201);
    await m('PUT', `/api/orders/${order.id}/confirm`);
    const terminal = await connectedClient(s(), t().kitchenToken);
    const dashboard = await connectedClient(s(), t().managerToken);
    cleanups.push(terminal.close, dashboard.close);
    const ticketId = `${order.id}.v1.cold-1.c2`;

    await terminal.rep.mutate.setProductSoldOut({ productId: 'fries', soldOut: true, at: Date.now() });
    await terminal.rep.mutate.fireCourse({ orderId: order.id, course: 2, at: Date.now() });
    await settle(terminal.rep);
    await waitFor(dashboard.rep, (tx) => tx.get('product/fries'), (p) => (p as Product | undefined)?.soldOut === true);
    await terminal.rep.mutate.bumpKitchenOrder({ kitchenOrderId: ticketId, at: Date.now() });
    await settle(terminal.rep);
    await waitFor(terminal.rep, (tx) => tx.get(`order/${order.id}`), (o) => (o as Order | undefined)?.status === 'ready');
    await terminal.rep.mutate.handOffOrder({ orderId: order.id, at: Date.now() });
    await settle(terminal.rep);

    await waitFor(dashboard.rep, (tx) => tx.get(`order/${order.id}`), (o) => (o as Order | undefined)?.status === 'delivered');
    expect(await m('GET', `/api/kitchen/orders/${ticketId}`)).toMatchObject({ status: 'completed', course: 2 });
    const history = await m('GET', `/api/orders/${order.id}/history`);
    const bySync = history.events.filter((e: { source: string }) => e.source === 'sync').map((e: { mutationName: string }) => e.mutationName);
    expect(new Set(bySync)).toEqual(new Set(['fireCourse', 'bumpKitchenOrder', 'handOffOrder']));
  });

  it.each([
    ['dine_in', 'delivered', 'completed'],
    ['takeaway', 'delivered', 'completed'],
    ['delivery', 'delivering', 'ready'],
    ['online', 'delivering', 'ready'],
  ])('expo hands a ready %s order off: %s, tickets %s', async (channel, orderStatus, ticketStatus) => {
    await boot();
    const order = await simpleOrder(channel);
    const early = await as('kitchen', 'POST', `/api/orders/${order.id}/hand-off`);
    expect([early.status, errorCode(early)]).toEqual([409, 'illegal_transition']);
    await m('PUT', `/api/orders/${order.id}/confirm`);
    await k('PUT', `/api/kitchen/orders/${order.id}.v1.cold-1/status`, { status: 'ready' });
    expect((await m('GET', `/api/orders/${order.id}/transitions`)).events).toContainEqual({ event: 'hand_off', to: orderStatus });
    const handed: Order = await k('POST', `/api/orders/${order.id}/hand-off`);
    expect(handed.status).toBe(orderStatus);
    expect((await k('GET', `/api/kitchen/orders/${order.id}.v1.cold-1`)).status).toBe(ticketStatus);
  });

  it('a cancelled order leaves its tickets cancelled with closedBy, reason included', async () => {
    await boot();
    const order = await simpleOrder('dine_in');
    await m('PUT', `/api/orders/${order.id}/confirm`);
    await m('DELETE', `/api/orders/${order.id}`, { reason: 'guest left' });
    expect(await k('GET', `/api/kitchen/orders/${order.id}.v1.cold-1`)).toMatchObject({
      status: 'cancelled', closedBy: { kind: 'order_cancelled', reason: 'guest left', at: expect.any(Number) },
    });
  });

  it('station aging thresholds: kept when valid, 400 when warn is not below late (as stored)', async () => {
    await boot();
    expect(await m('POST', '/api/kitchen/stations', { id: 'pass-1', name: 'Pass', type: 'pass', capacity: 2, warnMinutes: 3, lateMinutes: 6 }, 201)).toMatchObject({ warnMinutes: 3, lateMinutes: 6 });
    expect(await m('PATCH', '/api/kitchen/stations/pass-1', { lateMinutes: 20 })).toMatchObject({ warnMinutes: 3, lateMinutes: 20 });
    for (const body of [{ warnMinutes: 20 }, { warnMinutes: 7, lateMinutes: 7 }, { lateMinutes: 2 }]) {
      const res = await as('manager', 'PATCH', '/api/kitchen/stations/pass-1', body);
      expect([res.status, errorCode(res)], JSON.stringify(body)).toEqual([400, 'invalid_request']);
    }
    const bad = await as('manager', 'POST', '/api/kitchen/stations', { name: 'Wok', type: 'wok', capacity: 2, warnMinutes: 10 });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'invalid_request']);
    expect(await m('GET', '/api/kitchen/stations/pass-1')).toMatchObject({ warnMinutes: 3, lateMinutes: 20 });
  });
});
