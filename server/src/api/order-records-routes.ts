import { contractId, contractKey, orderKey, orderMachine, productionContractSchema, type Order, type ProductionContract } from '@kitchensync/shared';
import { consumedItemsOfOrder } from '../db/kitchen-queries.ts';
import { findOrder, orderContracts, orderHistory, type HistoryRow } from '../db/order-queries.ts';
import type { Queryable } from '../db/database.ts';
import { notFound } from '../http/http-error.ts';
import { found } from './found.ts';
import { ingredientTotals } from './consumption.ts';
import { writeThrough } from './rest-write.ts';
import { defineRoute } from './route-spec.ts';
import { idParams } from './schemas/common-schemas.ts';
import { orderConsumptionSchema } from './schemas/kitchen-schemas.ts';
import { contractAnswerSchema, contractQuery, historySchema, transitionsSchema } from './schemas/order-schemas.ts';

const tag = 'Orders';
const roles = ['manager'] as const;

const orderOf = async (q: Queryable, tenantId: string, id: string) => found(await findOrder(q, tenantId, id), 'order');

function historyEvent(row: HistoryRow) {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    type: row.type,
    actor: { tokenId: row.actor_token_id, role: row.actor_role, ...(row.actor_label ? { label: row.actor_label } : {}) },
    source: row.source,
    mutationName: row.mutation_name,
    ...(row.client_id === null ? {} : { clientID: row.client_id }),
    ...(row.mutation_id === null ? {} : { mutationID: row.mutation_id }),
    ...(row.request_id === null ? {} : { requestId: row.request_id }),
    ...(row.via_hub_token_id === null ? {} : { viaHub: { tokenId: row.via_hub_token_id, at: new Date(row.hub_at ?? row.at).toISOString() } }),
    data: row.data,
  };
}

/** An order's records: audit history, allowed moves, production contracts, ingredients used. */
export const orderRecordRoutes = [
  defineRoute({
    method: 'get', path: '/orders/:id/history', tag, roles, summary: 'Audit history of an order, oldest first',
    description: 'Every event the mutators recorded for the order: who (token and role), through which sync client and mutation or which REST call, what, and the server time.',
    params: idParams,
    success: { status: 200, schema: historySchema, description: 'the events' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => {
      await orderOf(db, tenantId, params.id);
      return { orderId: params.id, events: (await orderHistory(db, tenantId, params.id)).map(historyEvent) };
    },
  }),
  defineRoute({
    method: 'get', path: '/orders/:id/transitions', tag, roles, summary: 'Statuses the order may move to now',
    description: "From the shared transition table, for the order's channel (dine-in and takeaway skip delivering).",
    params: idParams,
    success: { status: 200, schema: transitionsSchema, description: 'current status and allowed next ones' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => {
      const order = await orderOf(db, tenantId, params.id);
      const allowed = orderMachine.allowedTransitions(order.status, { channel: order.channel });
      return {
        orderId: order.id,
        channel: order.channel,
        current: order.status,
        allowed,
        requiresReason: allowed.filter((to) => orderMachine.requiresReason(order.status, to)),
        events: orderMachine.rows
          .filter((r) => r.from === order.status && allowed.includes(r.to))
          .map((r) => ({ event: r.event, to: r.to })),
      };
    },
  }),
  defineRoute({
    method: 'get', path: '/orders/:id/production-contract', tag, roles, summary: 'Production contract of an order',
    description: 'The latest version by default; `version=N` for an earlier one (superseded versions stay readable); `all=true` for every version.',
    params: idParams,
    query: contractQuery,
    success: { status: 200, schema: contractAnswerSchema, description: 'a contract, or `{items, nextCursor}` with `all=true`' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params, query }) => {
      await orderOf(db, tenantId, params.id);
      const contracts = await orderContracts(db, tenantId, params.id);
      if (query.all) return { items: contracts, nextCursor: null };
      const contract = query.version === undefined ? contracts.at(-1) : contracts.find((c) => c.version === query.version);
      if (!contract) throw notFound(query.version === undefined ? 'production contract (the order is not confirmed yet)' : `contract version ${query.version}`);
      return contract;
    },
  }),
  defineRoute({
    method: 'post', path: '/orders/:id/production-contract/reissue', tag, roles, summary: 'Re-issue the contract of an unfinished order',
    description: "Makes version N+1 from today's recipes (N stays readable, marked supersededBy) and replaces the open kitchen orders; items already worked on keep their progress. Only confirmed or in-preparation orders.",
    params: idParams,
    success: { status: 201, schema: productionContractSchema, description: 'the new contract version' },
    errors: [400, 404, 409],
    handle: (ctx) =>
      writeThrough(ctx, async (w) => {
        await w.apply('reissueContract', { orderId: ctx.params.id, at: Date.now() });
        const order = await w.get<Order>(orderKey(ctx.params.id));
        return w.get<ProductionContract>(contractKey(contractId(ctx.params.id, order?.contractVersion ?? 0)));
      }),
  }),
  defineRoute({
    method: 'get', path: '/orders/:id/consumption', tag, roles, summary: 'Ingredients an order consumed',
    description: 'Recorded once per kitchen item, when it is first completed.',
    params: idParams,
    success: { status: 200, schema: orderConsumptionSchema, description: 'per item and in total' },
    errors: [400, 404],
    handle: async ({ db, tenantId, params }) => {
      await orderOf(db, tenantId, params.id);
      const rows = await consumedItemsOfOrder(db, tenantId, params.id);
      return {
        orderId: params.id,
        ingredients: ingredientTotals(rows.map((r) => r.consumed)),
        items: rows.map((r) => ({
          kitchenOrderId: r.kitchen_order_id, itemId: r.item_id, name: r.name, quantity: r.quantity,
          doneAt: new Date(r.done_ms).toISOString(), consumed: r.consumed,
        })),
      };
    },
  }),
];
