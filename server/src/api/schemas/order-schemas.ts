import { z } from 'zod';
import {
  cancelOrderArgsSchema,
  channels,
  createOrderArgsSchema,
  idSchema,
  orderSchema,
  orderStatusSchema,
  orderEvents,
  orderStatuses,
  productionContractSchema,
  setOrderRushArgsSchema,
} from '@kitchensync/shared';
import { idParams, instantQuery, intQuery, listOf, listQuery, pageQuery, rangeSchema, requestSchemas, responseSchemas } from './common-schemas.ts';

const reasonSchema = cancelOrderArgsSchema.shape.reason;

/** The mutator's args minus what the server supplies: ids (order and lines) and the time. */
export const createOrderBody = createOrderArgsSchema.omit({ id: true, at: true, terminalId: true }).extend({
  items: z.array(createOrderArgsSchema.shape.items.element.omit({ id: true })).min(1).max(200),
});
requestSchemas.add(createOrderBody, { id: 'CreateOrder' });

export const courseParams = idParams.extend({ course: intQuery(1, 9).describe('the course, 1–9') });

export const orderStatusBody = z.object({
  status: orderStatusSchema,
  reason: reasonSchema.describe('why; recorded with a cancellation and required once food is being cooked'),
});
requestSchemas.add(orderStatusBody, { id: 'SetOrderStatus' });

export const cancelBody = z.object({ reason: reasonSchema });
requestSchemas.add(cancelBody, { id: 'CancelOrder' });

export const rushBody = setOrderRushArgsSchema.pick({ rush: true });
requestSchemas.add(rushBody, { id: 'SetOrderRush', description: 'true puts the order first on every kitchen screen; false puts it back in fire order.' });
export const cancelQuery = z.object({ reason: reasonSchema.describe('alternative to the body') });

export const orderListQuery = z.object({
  status: listQuery(orderStatuses).optional().describe('one or more statuses, comma-separated'),
  channel: listQuery(channels).optional().describe('one or more channels, comma-separated'),
  from: instantQuery.optional().describe('created at or after (epoch ms or ISO-8601)'),
  to: instantQuery.optional().describe('created before (epoch ms or ISO-8601)'),
  customer: z.string().trim().min(1).max(200).optional().describe('a customer id, phone number or email'),
  ...pageQuery,
});

export const contractQuery = z
  .object({
    version: z.string().regex(/^\d{1,6}$/, 'a version number').transform(Number).pipe(z.number().int().positive()).optional(),
    all: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('every version, oldest first'),
  })
  .refine((q) => !(q.version !== undefined && q.all), { message: 'give version or all, not both', path: ['all'] });

responseSchemas.add(orderSchema, { id: 'Order' });
responseSchemas.add(productionContractSchema, { id: 'ProductionContract' });

export const orderListSchema = listOf(orderSchema);
responseSchemas.add(orderListSchema, { id: 'OrderList' });

export const contractListSchema = listOf(productionContractSchema);
responseSchemas.add(contractListSchema, { id: 'ProductionContractList' });
export const contractAnswerSchema = z.union([productionContractSchema, contractListSchema]);
responseSchemas.add(contractAnswerSchema, { id: 'ProductionContractAnswer' });

export const historySchema = z.object({
  orderId: idSchema,
  events: z.array(
    z.object({
      seq: z.number().int(),
      at: z.iso.datetime({ offset: true }).describe('server time'),
      type: z.string(),
      actor: z.object({ tokenId: z.string().nullable(), role: z.string(), label: z.string().optional() }),
      source: z.enum(['sync', 'rest', 'system']).describe('a sync push or a REST call'),
      mutationName: z.string().nullable(),
      clientID: z.string().optional().describe('the Replicache client, for sync pushes'),
      mutationID: z.number().int().optional(),
      requestId: z.string().optional().describe('the REST call (also its X-Request-Id header)'),
      viaHub: z
        .object({ tokenId: z.string(), at: z.iso.datetime({ offset: true }).describe('when the hub had it') })
        .optional()
        .describe("the restaurant hub that forwarded this sync change; `at` above is the cloud's time"),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
});
responseSchemas.add(historySchema, { id: 'OrderHistory' });

export const transitionsSchema = z.object({
  orderId: idSchema,
  channel: z.enum(channels),
  current: orderStatusSchema,
  allowed: z.array(orderStatusSchema),
  requiresReason: z.array(orderStatusSchema).describe('allowed moves that need a `reason`'),
  events: z
    .array(z.object({ event: z.enum(orderEvents), to: orderStatusSchema }))
    .describe('the allowed moves by the event of the shared table (`hand_off` is `POST /orders/{id}/hand-off`)'),
});
responseSchemas.add(transitionsSchema, { id: 'OrderTransitions' });

const countsBy = <T extends string>(keys: readonly T[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T, z.ZodNumber>);

export const statsSchema = z.object({
  range: rangeSchema,
  orders: z.number().int(),
  byStatus: countsBy(orderStatuses),
  byChannel: countsBy(channels),
  revenueCents: z.number().int().describe('total of orders confirmed and not cancelled'),
  averageOrderCents: z.number().int().nullable(),
  confirmedToReady: z.object({
    orders: z.number().int(),
    averageSeconds: z.number().nullable(),
    p90Seconds: z.number().nullable().describe('continuous 90th percentile'),
  }),
  ordersPerHour: z.array(z.object({ hour: z.iso.datetime(), orders: z.number().int() })).describe('every UTC hour of the range'),
});
responseSchemas.add(statsSchema, { id: 'OrderStats' });
