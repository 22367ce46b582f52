import { describe, expect, it } from 'vitest';
import type { KitchenOrder, Order, ProductionContract, Station } from '@kitchensync/shared';
import { api, backends } from '../support/server.ts';
import { connectedClient } from '../support/replicache-client.ts';
import { menuTenantPerTest } from './support/menu-server.ts';
import { errorCode } from './support/rest.ts';

describe.each(backends)('kitchen orders, stations and contract versions over REST (%s)', (backend) => {
  const { boot, m, k, cleanups, s: server, t: tenant } = menuTenantPerTest(backend);
  const newOrder = async (productIds: string[], channel = 'dine_in'): Promise<Order> =>
    m('POST', '/api/orders', { channel, customer: { name: 'Guest' }, items: productIds.map((productId) => ({ productId, quantity: 1 })) }, 201);
  const confirmed = async (productIds: string[]) => m('PUT', `/api/orders/${(await newOrder(productIds)).id}/confirm`) as Promise<Order>;
  const ticketsOf = async (orderId: string, all = false): Promise<KitchenOrder[]> =>
    (await k('GET', `/api/kitchen/orders/by-order/${orderId}${all ? '?all=true' : ''}`)).items;

  it("editing a recipe bumps its version; re-issuing an unfinished order's contract makes N+1, keeps N readable and carries progress", async () => {
    const s = await boot();
    const order = await confirmed(['burger', 'fries']);
    const [fry, grill] = await ticketsOf(order.id);
    await k('PUT', `/api/kitchen/orders/${grill?.id}/items/status`, { itemId: grill?.items[0]?.id, status: 'in_progress' });

    expect((await m('PUT', '/api/products/burger', { priceCents: 1300 })).recipeVersion).toBe(1);
    const edited = await m('PATCH', '/api/products/burger', { recipeSteps: ['Grill patty', 'Melt cheese', 'Assemble'] });
    expect(edited).toMatchObject({ recipeVersion: 2, priceCents: 1300, name: 'Burger' });

    const v2: ProductionContract = await m('POST', `/api/orders/${order.id}/production-contract/reissue`, undefined, 201);
    expect(v2).toMatchObject({ id: `${order.id}.v2`, version: 2 });
    expect(v2.groups.find((g) => g.stationType === 'grill')?.items[0]).toMatchObject({ recipeVersion: 2, steps: ['Grill patty', 'Melt cheese', 'Assemble'] });
    expect(await m('GET', `/api/orders/${order.id}/production-contract`)).toEqual(v2);
    const v1 = await m('GET', `/api/orders/${order.id}/production-contract?version=1`);
    expect(v1).toMatchObject({ version: 1, supersededBy: 2 });
    expect(v1.groups.find((g: any) => g.stationType === 'grill').items[0].recipeVersion).toBe(1);
    expect((await m('GET', `/api/orders/${order.id}/production-contract?all=true`)).items.map((c: any) => c.version)).toEqual([1, 2]);

    const current = await ticketsOf(order.id);
    expect(current.map((x) => x.contractVersion)).toEqual([2, 2]);
    expect(current.find((x) => x.stationType === 'grill')?.items[0]?.status).toBe('in_progress');
    const everything = await ticketsOf(order.id, true);
    expect(everything.filter((x) => x.contractVersion === 1).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    expect([fry?.id, grill?.id].every((id) => everything.some((x) => x.id === id))).toBe(true);

    const again = await api(s, tenant().managerToken, 'POST', `/api/kitchen/orders/from-contract/${v2.id}`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'already_exists', details: { kitchenOrderIds: current.map((x) => x.id) } });
    const stale = await api(s, tenant().managerToken, 'POST', `/api/kitchen/orders/from-contract/${order.id}.v1`);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'illegal_transition', details: { currentVersion: 2 } });

    const later = await confirmed(['burger']);
    const contract = await m('GET', `/api/orders/${later.id}/production-contract`);
    expect(contract.groups[0].items[0].recipeVersion).toBe(2);
  });

  it("POST /kitchen/orders opens a draft order's kitchen orders once", async () => {
    const s = await boot();
    const draft = await newOrder(['burger', 'salad']);
    const opened = await m('POST', '/api/kitchen/orders', { orderId: draft.id }, 201);
    expect(opened.items.map((x: KitchenOrder) => x.stationType)).toEqual(['cold', 'grill']);
    expect((await m('GET', `/api/orders/${draft.id}`)).status).toBe('confirmed');
    const twice = await api(s, tenant().managerToken, 'POST', '/api/kitchen/orders', { orderId: draft.id });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.kitchenOrderIds).toEqual(opened.items.map((x: KitchenOrder) => x.id));
    const byKitchen = await api(s, tenant().kitchenToken, 'POST', '/api/kitchen/orders', { orderId: draft.id });
    expect(byKitchen.status).toBe(403);
  });

  it('a deactivated station keeps and finishes its tickets but gets no new ones', async () => {
    await boot();
    const first = await confirmed(['burger']);
    const [onGrill1] = await ticketsOf(first.id);
    expect(onGrill1?.stationId).toBe('grill-1');
    const off: Station = await m('PATCH', '/api/kitchen/stations/grill-1', { active: false });
    expect(off).toMatchObject({ id: 'grill-1', active: false, openTickets: 1, capacity: 4, name: 'Grill 1' });
    const second = await confirmed(['burger']);
    expect((await ticketsOf(second.id))[0]?.stationId).toBe('grill-2');
    expect((await k('PUT', `/api/kitchen/orders/${onGrill1?.id}/status`, { status: 'ready' })).status).toBe('ready');
    expect((await m('GET', '/api/kitchen/stations/grill-1')).openTickets).toBe(0);
    const active = await k('GET', '/api/kitchen/stations?active=true&type=grill');
    expect(active.items.map((x: Station) => x.id)).toEqual(['grill-2']);
    const onGrill2 = await k('GET', '/api/kitchen/orders?station=grill-2');
    expect(onGrill2.items.map((x: KitchenOrder) => x.orderId)).toEqual([second.id]);

    const added: Station = await m('POST', '/api/kitchen/stations', { name: 'Wok', type: 'wok', capacity: 3 }, 201);
    expect(added).toMatchObject({ name: 'Wok', type: 'wok', capacity: 3, active: true, openTickets: 0 });
    expect(added.id).toMatch(/^st_/);
    expect(await m('PUT', `/api/kitchen/stations/${added.id}`, { capacity: 5 })).toMatchObject({ capacity: 5, name: 'Wok' });
  });

  it('PUT status in_progress recalls a bumped ticket and sends the order back to preparation', async () => {
    await boot();
    const order = await confirmed(['burger']);
    const [ticket] = await ticketsOf(order.id);
    await k('PUT', `/api/kitchen/orders/${ticket?.id}/status`, { status: 'ready' });
    expect((await m('GET', `/api/orders/${order.id}`)).status).toBe('ready');
    const recalled = await k('PUT', `/api/kitchen/orders/${ticket?.id}/status`, { status: 'in_progress' });
    expect(recalled).toMatchObject({ status: 'in_progress', recalledAt: expect.any(Number) });
    expect((await m('GET', `/api/orders/${order.id}`)).status).toBe('in_preparation');
    expect((await m('GET', `/api/orders/${order.id}/transitions`)).requiresReason).toEqual(['cancelled']);
  });

  it('cancelling food being cooked needs a reason, from the body or the query', async () => {
    const s = await boot();
    const order = await confirmed(['burger']);
    const [ticket] = await ticketsOf(order.id);
    await k('PUT', `/api/kitchen/orders/${ticket?.id}/items/status`, { itemId: ticket?.items[0]?.id, status: 'in_progress' });
    const bare = await api(s, tenant().managerToken, 'DELETE', `/api/orders/${order.id}`);
    expect([bare.status, errorCode(bare)]).toEqual([409, 'illegal_transition']);
    const cancelled = await m('DELETE', `/api/orders/${order.id}?reason=${encodeURIComponent('guest left')}`);
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'guest left' });
    expect((await ticketsOf(order.id))[0]?.status).toBe('cancelled');
    const viaBody = await m('DELETE', `/api/orders/${(await confirmed(['fries'])).id}`, { reason: 'duplicate' });
    expect(viaBody).toMatchObject({ status: 'cancelled', cancelReason: 'duplicate' });
    const { events } = await m('GET', `/api/orders/${order.id}/history`);
    expect(events.at(-2)).toMatchObject({ type: 'order.status_changed', data: { to: 'cancelled', reason: 'guest left' } });
    const active = await k('GET', '/api/kitchen/orders');
    expect(active.items).toEqual([]);
    expect((await k('GET', '/api/kitchen/orders?status=cancelled')).items).toHaveLength(2);
  });

  it("history names the sync client and mutation behind a terminal's change", async () => {
    await boot();
    const order = await confirmed(['fries']);
    const [ticket] = await ticketsOf(order.id);
    const terminal = await connectedClient(server(), tenant().kitchenToken);
    cleanups.push(terminal.close);
    await terminal.rep.mutate.setKitchenItemStatus({ kitchenOrderId: ticket?.id as string, itemId: ticket?.items[0]?.id as string, status: 'in_progress', at: Date.now() });
    let moved: Order | undefined;
    for (let i = 0; i < 100 && moved?.status !== 'in_preparation'; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      moved = await m('GET', `/api/orders/${order.id}`);
    }
    expect(moved?.status).toBe('in_preparation');
    const { events } = await m('GET', `/api/orders/${order.id}/history`);
    const fromTerminal = events.filter((e: any) => e.source === 'sync');
    expect(fromTerminal.length).toBeGreaterThan(0);
    expect(fromTerminal.every((e: any) => e.clientID === terminal.rep.clientID && e.mutationID === 1 && e.mutationName === 'setKitchenItemStatus')).toBe(true);
    expect(fromTerminal.every((e: any) => e.actor.role === 'kitchen' && e.actor.label === 'kitchen' && e.requestId === undefined)).toBe(true);
  });
});
