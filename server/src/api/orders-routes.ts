import { customerIdFor, orderKey, orderSchema, type Order } from '@kitchensync/shared';
import { newId } from '../auth/tokens.ts';
import { findOrder, listOrders } from '../db/order-queries.ts';
import { decodeCursor, page } from './cursor.ts';
import { found } from './found.ts';
import { orderStats } from './order-stats.ts';
import { writeThrough } from './rest-write.ts';
import { defineRoute, type RouteContext } from './route-spec.ts';
import { idParams, rangeQuery, resolveRange } from './schemas/common-schemas.ts';
import {
  cancelBody,
  cancelQuery,
  createOrderBody,
  orderListQuery,
  orderListSchema,
  orderStatusBody,
  statsSchema,
} from './schemas/order-schemas.ts';

const tag = 'Orders';
const roles = ['manager'] as const;
const orderAnswer = { status: 200, schema: orderSchema, description: 'the order after the change' } as const;

/** Runs one order mutator and answers with the order as it now stands (the service routes use it too). */
export function changeOrder(
  ctx: RouteContext<unknown, unknown, unknown>,
  orderId: string,
  name: 'confirmOrder' | 'setOrderStatus' | 'cancelOrder' | 'handOffOrder' | 'setOrderRush',
  args: object,
) {
  return writeThrough(ctx, async (w) => {
    await w.apply(name, { orderId, ...args, at: Date.now() });
    return w.get<Order>(orderKey(orderId));
  });
}

/** `customer=` takes an id, a phone number or an email, as customers are matched on creation. */
function customerFilter(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.includes('@')) return customerIdFor({ name: '-', email: value });
  if (/^\+?[0-9 ().-]{3,}$/.test(value)) return customerIdFor({ name: '-', phone: value });
  return value;
}

export const orderRoutes = [
  defineRoute({
    method: 'post', path: '/orders', tag, roles, summary: 'Create an order (draft)',
    description: 'The server assigns the order and line ids. The customer is created or updated, matched by phone, else email. Lines may name a `course` (1 fires on confirm, later ones are held until fired) and a guest `allergy`, and answer the product’s modifier groups with `choices` (priced into the line; the line’s course defaults to the product’s); the order may carry an `allergy` for every ticket, a `table` and `guests`. A required group unanswered → 400 `modifier_required` naming it (`details.group`), too many options → 400 `modifier_limit`. A sold-out product or option → 409 `sold_out`.',
    body: createOrderBody,
    success: { status: 201, schema: orderSchema, description: 'the new draft order, with its tracking token' },
    errors: [400, 404, 409, 413, 422],
    handle: async (ctx) => {
      const id = newId('ord');
      const items = ctx.body.items.map((item, n) => ({ ...item, id: `l${n + 1}` }));
      return writeThrough(ctx, async (w) => {
        await w.apply('createOrder', { ...ctx.body, id, items, at: Date.now() });
        return w.get<Order>(orderKey(id));
      });
    },
  }),
  defineRoute({
    method: 'get', path: '/orders', tag, roles, summary: 'List orders, newest first',
    query: orderListQuery,
    success: { status: 200, schema: orderListSchema, description: 'a page of orders' },
    errors: [400],
    handle: async ({ db, tenantId, query }) => {
      const limit = query.limit ?? 50;
      const rows = await listOrders(db, tenantId, {
        statuses: query.status, channels: query.channel, createdFrom: query.from, createdTo: query.to,
        customerId: customerFilter(query.customer), before: decodeCursor(query.cursor), limit: limit + 1,
      });
      return page(rows, limit, (o) => ({ key: o.createdAt, id: o.id }));
    },
  }),
  defineRoute({
    method: 'get', path: '/orders/stats', tag, roles, summary: 'Order statistics for a day or a range',
    description: 'Orders created in the range (UTC): counts by status and channel, revenue, confirmed → ready times, orders per hour.',
    query: rangeQuery,
    success: { status: 200, schema: statsSchema, description: 'the statistics' },
    errors: [400],
    handle: async ({ db, tenantId, query }) => orderStats(db, tenantId, resolveRange(query)),
  }),
  defineRoute({
    method: 'get', path: '/orders/:id', tag, roles, summary: 'Get an order',
    params: idParams,
    success: { status: 200, schema: orderSchema, description: 'the order' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => found(await findOrder(db, tenantId, params.id), 'order'),
  }),
  defineRoute({
    method: 'put', path: '/orders/:id/confirm', tag, roles, summary: 'Confirm a draft order',
    description: 'Issues production contract version 1 and opens its kitchen orders, one per course and station group: course 1 `queued`, later courses `held`. A product sold out since the order was placed → 409 `sold_out`.',
    params: idParams,
    success: orderAnswer,
    errors: [400, 404, 409],
    handle: (ctx) => changeOrder(ctx, ctx.params.id, 'confirmOrder', {}),
  }),
  defineRoute({
    method: 'put', path: '/orders/:id/status', tag, roles, summary: 'Move an order to another status',
    description: 'Follows the shared transition table (see `/transitions`). `cancelled` is a cancellation and takes the reason.',
    params: idParams,
    body: orderStatusBody,
    success: orderAnswer,
    errors: [400, 404, 409],
    handle: (ctx) =>
      ctx.body.status === 'cancelled'
        ? changeOrder(ctx, ctx.params.id, 'cancelOrder', ctx.body.reason ? { reason: ctx.body.reason } : {})
        : changeOrder(ctx, ctx.params.id, 'setOrderStatus', { status: ctx.body.status }),
  }),
  defineRoute({
    method: 'delete', path: '/orders/:id', tag, roles, summary: 'Cancel an order',
    description: 'The order stays, cancelled; its open kitchen orders are cancelled. The reason may come in the body or the query.',
    params: idParams,
    query: cancelQuery,
    body: cancelBody.optional(),
    success: { status: 200, schema: orderSchema, description: 'the cancelled order' },
    errors: [400, 404, 409],
    handle: (ctx) => {
      const reason = ctx.body?.reason ?? ctx.query.reason;
      return changeOrder(ctx, ctx.params.id, 'cancelOrder', reason ? { reason } : {});
    },
  }),
];
