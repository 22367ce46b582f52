import {
  activeTicketStatuses, kitchenOrderKey, kitchenOrderMachine, kitchenOrderSchema, orderKey, ticketKeyPrefix, type KitchenOrder, type KitchenOrderEvent, type MutatorName, type Order,
} from '@kitchensync/shared';
import { consumptionBetween, findKitchenOrder, kitchenOrdersOfOrder, listKitchenOrders } from '../db/kitchen-queries.ts';
import { findContract, findOrder } from '../db/order-queries.ts';
import { HttpError } from '../http/http-error.ts';
import { round } from './consumption.ts';
import { decodeCursor, page } from './cursor.ts';
import { found } from './found.ts';
import { writeThrough } from './rest-write.ts';
import { defineRoute, type RouteContext } from './route-spec.ts';
import { derivedIdParams, rangeQuery, resolveRange } from './schemas/common-schemas.ts';
import {
  byOrderParams, byOrderQuery, contractParams, dailyConsumptionSchema, itemStatusBody, kitchenListQuery, kitchenOrderListSchema,
  kitchenStatusBody, openKitchenOrdersBody,
} from './schemas/kitchen-schemas.ts';

const tag = 'Kitchen';
const staff = ['manager', 'kitchen'] as const;
const ticketAnswer = { status: 200, schema: kitchenOrderSchema, description: 'the kitchen order after the change' } as const;
const ticketsAnswer = { status: 201, schema: kitchenOrderListSchema, description: 'the kitchen orders opened' } as const;

/** Kitchen orders are opened by the mutation that issues their contract, never on their own. */
function alreadyOpen(order: Order, tickets: readonly KitchenOrder[]): never {
  throw new HttpError(409, 'already_exists', `the kitchen orders of contract version ${order.contractVersion} already exist`, {
    kitchenOrderIds: tickets.map((t) => t.id),
  });
}

/**
 * What each ticket event means for `PUT …/status`: the mutator that carries it out, or why it is
 * not asked for here (it follows from something else). Every event of the table has its entry.
 */
const ticketEvents: Record<KitchenOrderEvent, ((t: KitchenOrder) => [MutatorName, object]) | string> = {
  bump: (t) => ['bumpKitchenOrder', { kitchenOrderId: t.id }],
  recall: (t) => ['recallKitchenOrder', { kitchenOrderId: t.id }],
  // A course is fired as one: every held ticket of it goes to the line.
  fire: (t) => ['fireCourse', { orderId: t.orderId, course: t.course ?? 1 }],
  start: 'a kitchen order starts with its first item (PUT /kitchen/orders/{id}/items/status)',
  complete: 'a kitchen order is completed when its order is delivered',
  void: 'a kitchen order is cancelled with its order, or when its contract is re-issued',
};

/** `PUT …/status`: the table names the event of the asked move, and the event names the mutator. */
function moveTicketTo(ctx: RouteContext<{ id: string }, unknown, { status: KitchenOrder['status'] }>) {
  return writeThrough(ctx, async (w) => {
    const ticket = found(await w.get<KitchenOrder>(kitchenOrderKey(ctx.params.id)), 'kitchen order');
    const event = kitchenOrderMachine.eventOf(ticket.status, ctx.body.status, {});
    const call = ticketEvents[event];
    if (typeof call === 'string') throw new HttpError(409, 'illegal_transition', call, { event });
    const [name, args] = call(ticket);
    await w.apply(name, { ...args, at: Date.now() });
    return w.get<KitchenOrder>(kitchenOrderKey(ticket.id));
  });
}

export const kitchenRoutes = [
  defineRoute({
    method: 'get', path: '/kitchen/orders', tag, roles: staff, summary: 'List kitchen orders, oldest first',
    description: 'Active ones (queued, in progress, ready for pickup) unless `status` says otherwise.',
    query: kitchenListQuery,
    success: { status: 200, schema: kitchenOrderListSchema, description: 'a page of kitchen orders' },
    errors: [400],
    handle: async ({ db, tenantId, query }) => {
      const limit = query.limit ?? 50;
      const rows = await listKitchenOrders(db, tenantId, {
        statuses: query.status ?? activeTicketStatuses, stationId: query.station, after: decodeCursor(query.cursor), limit: limit + 1,
      });
      return page(rows, limit, (t) => ({ key: t.createdAt, id: t.id }));
    },
  }),
  defineRoute({
    method: 'get', path: '/kitchen/orders/by-order/:orderId', tag, roles: staff, summary: 'Kitchen orders of an order',
    description: "An order spans one kitchen order per station group. Those of its current contract; `all=true` adds superseded versions' (cancelled) ones.",
    params: byOrderParams,
    query: byOrderQuery,
    success: { status: 200, schema: kitchenOrderListSchema, description: 'the kitchen orders (empty for a draft)' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params, query }) => {
      const order = found(await findOrder(db, tenantId, params.orderId), 'order');
      if (!order.contractVersion) return { items: [], nextCursor: null };
      return { items: await kitchenOrdersOfOrder(db, tenantId, order.id, query.all ? undefined : order.contractVersion), nextCursor: null };
    },
  }),
  defineRoute({
    method: 'get', path: '/kitchen/orders/:id', tag, roles: staff, summary: 'Get a kitchen order',
    params: derivedIdParams,
    success: { status: 200, schema: kitchenOrderSchema, description: 'the kitchen order' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => found(await findKitchenOrder(db, tenantId, params.id), 'kitchen order'),
  }),
  defineRoute({
    method: 'post', path: '/kitchen/orders', tag, roles: ['manager'], summary: "Open a draft order's kitchen orders",
    description: 'Confirms the draft order, which issues its production contract and opens one kitchen order per station group, assigned by capacity and load. An order that already has them → 409 `already_exists` with `details.kitchenOrderIds`.',
    body: openKitchenOrdersBody,
    success: ticketsAnswer,
    errors: [400, 404, 409],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        const order = found(await w.get<Order>(orderKey(ctx.body.orderId)), 'order');
        if (order.contractVersion) alreadyOpen(order, await w.list<KitchenOrder>(ticketKeyPrefix(order.id, order.contractVersion)));
        await w.apply('confirmOrder', { orderId: order.id, at: Date.now() });
        return { items: await w.list<KitchenOrder>(ticketKeyPrefix(order.id, 1)), nextCursor: null };
      }),
  }),
  defineRoute({
    method: 'post', path: '/kitchen/orders/from-contract/:contractId', tag, roles: ['manager'], summary: 'Ensure the kitchen orders of a contract',
    description: 'Issuing a contract (confirm, re-issue) opens its kitchen orders in the same mutation, so an existing contract already has them: 409 `already_exists` with `details.kitchenOrderIds`; a superseded version → 409 `illegal_transition` (its successor is in force). To rebuild tickets from new recipes, re-issue the contract (`POST /orders/{id}/production-contract/reissue`).',
    params: contractParams,
    success: ticketsAnswer,
    errors: [400, 404, 409],
    handle: async ({ db, tenantId, params }) => {
      const contract = found(await findContract(db, tenantId, params.contractId), 'production contract');
      const order = found(await findOrder(db, tenantId, contract.orderId), 'order');
      if (order.contractVersion !== contract.version) {
        throw new HttpError(409, 'illegal_transition', `contract version ${contract.version} was superseded by version ${order.contractVersion}`, {
          currentVersion: order.contractVersion,
        });
      }
      return alreadyOpen(order, await kitchenOrdersOfOrder(db, tenantId, order.id, order.contractVersion));
    },
  }),
  defineRoute({
    method: 'put', path: '/kitchen/orders/:id/status', tag, roles: staff, summary: 'Bump, recall or fire a kitchen order',
    description: 'The move is looked up in the shared transition table. `ready` bumps it (unfinished items are completed; the last ticket makes the order ready). `in_progress` recalls a bumped ticket (the order goes back to preparation). `queued` on a held ticket fires its course (`POST /orders/{id}/courses/{course}/fire`). Other moves follow the order, or are not in the table: 409.',
    params: derivedIdParams,
    body: kitchenStatusBody,
    success: ticketAnswer,
    errors: [400, 404, 409],
    handle: moveTicketTo,
  }),
  defineRoute({
    method: 'put', path: '/kitchen/orders/:id/items/status', tag, roles: staff, summary: 'Move one item of a kitchen order',
    description: 'The first item started moves the order to in_preparation; a first completion records the ingredients used.',
    params: derivedIdParams,
    body: itemStatusBody,
    success: ticketAnswer,
    errors: [400, 404, 409],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        await w.apply('setKitchenItemStatus', { kitchenOrderId: ctx.params.id, ...ctx.body, at: Date.now() });
        return w.get<KitchenOrder>(kitchenOrderKey(ctx.params.id));
      }),
  }),
  defineRoute({
    method: 'get', path: '/kitchen/consumption', tag, roles: staff, summary: 'Ingredients consumed in a day or a range',
    query: rangeQuery,
    success: { status: 200, schema: dailyConsumptionSchema, description: 'totals by ingredient and unit' },
    errors: [400],
    handle: async ({ db, tenantId, query }) => {
      const { from, to } = resolveRange(query);
      const totals = await consumptionBetween(db, tenantId, from, to);
      return {
        range: { from: new Date(from).toISOString(), to: new Date(to).toISOString() },
        ingredients: totals.map((t) => ({ ...t, quantity: round(t.quantity) })),
      };
    },
  }),
];
