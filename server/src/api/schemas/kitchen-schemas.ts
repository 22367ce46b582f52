import { z } from 'zod';
import {
  derivedIdSchema,
  idSchema,
  ingredientSchema,
  itemStatusSchema,
  kitchenOrderSchema,
  kitchenOrderStatusSchema,
  kitchenOrderStatuses,
  stationSchema,
  upsertStationArgsSchema,
} from '@kitchensync/shared';
import { booleanQuery, listOf, listQuery, pageQuery, rangeSchema, requestSchemas, responseSchemas } from './common-schemas.ts';

export const kitchenListQuery = z.object({
  station: idSchema.optional().describe('a station id'),
  status: listQuery(kitchenOrderStatuses).optional().describe('default: held, queued, in_progress and ready'),
  ...pageQuery,
});

export const byOrderParams = z.object({ orderId: idSchema });
export const byOrderQuery = z.object({ all: booleanQuery.optional().describe("include superseded contracts' tickets") });
export const contractParams = z.object({ contractId: derivedIdSchema });

export const openKitchenOrdersBody = z.object({ orderId: idSchema });
requestSchemas.add(openKitchenOrdersBody, { id: 'OpenKitchenOrders' });

export const kitchenStatusBody = z.object({
  status: kitchenOrderStatusSchema.describe('"ready" bumps the ticket; "in_progress" recalls a bumped one; "queued" fires a held ticket\'s course'),
});
requestSchemas.add(kitchenStatusBody, { id: 'SetKitchenOrderStatus' });

export const itemStatusBody = z.object({ itemId: idSchema, status: itemStatusSchema });
requestSchemas.add(itemStatusBody, { id: 'SetKitchenItemStatus' });

export const createStationBody = upsertStationArgsSchema.partial({ id: true });
requestSchemas.add(createStationBody, { id: 'CreateStation', description: 'The server picks the id when none is given.' });

export const updateStationBody = upsertStationArgsSchema.omit({ id: true }).partial();
requestSchemas.add(updateStationBody, {
  id: 'UpdateStation',
  description: 'Fields not sent keep their value. Deactivating keeps the tickets already assigned: cooks finish them there; new tickets go to other stations of the type.',
});

export const stationListQuery = z.object({
  active: booleanQuery.optional(),
  type: upsertStationArgsSchema.shape.type.optional(),
});

responseSchemas.add(kitchenOrderSchema, { id: 'KitchenOrder' });
responseSchemas.add(stationSchema, {
  id: 'Station',
  description: '`screensDownSince` is set while the station is in backup mode (none of its screens heard for its backup printer\'s `backupAfterSeconds`: its tickets print there); `screenDownNotice` lists what printed meanwhile until a cook dismisses it on the screen.',
});
export const kitchenOrderListSchema = listOf(kitchenOrderSchema);
responseSchemas.add(kitchenOrderListSchema, { id: 'KitchenOrderList' });
export const stationListSchema = listOf(stationSchema);
responseSchemas.add(stationListSchema, { id: 'StationList' });

const ingredientTotal = ingredientSchema.extend({
  items: z.number().int().describe('kitchen items that used it'),
  orders: z.number().int(),
});

export const dailyConsumptionSchema = z.object({ range: rangeSchema, ingredients: z.array(ingredientTotal) });
responseSchemas.add(dailyConsumptionSchema, {
  id: 'Consumption',
  description: 'Ingredients used by kitchen items completed in the range; an item counts once, when first completed.',
});

export const orderConsumptionSchema = z.object({
  orderId: idSchema,
  ingredients: z.array(ingredientTotal.omit({ orders: true })),
  items: z.array(
    z.object({
      kitchenOrderId: derivedIdSchema,
      itemId: idSchema,
      name: z.string(),
      quantity: z.number().int(),
      doneAt: z.iso.datetime(),
      consumed: z.array(ingredientSchema),
    }),
  ),
});
responseSchemas.add(orderConsumptionSchema, { id: 'OrderConsumption' });
