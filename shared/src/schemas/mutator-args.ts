import { z } from 'zod';
import { idSchema, derivedIdSchema, epochMsSchema, noteSchema, courseSchema, guestAllergySchema, tableSchema, guestsSchema } from './primitives.ts';
import { channelSchema, orderStatusSchema, itemStatusSchema, productSchema, customerDetailsSchema, stationSchema } from './records.ts';
import { orderNumberSchema, serviceDayIdSchema, terminalIdSchema } from './order-numbers.ts';
import { choiceSchema } from './modifiers.ts';
// ---- mutator args (one schema per mutator; names are append-only) ----

export const createOrderArgsSchema = z.object({
  id: idSchema,
  channel: channelSchema,
  customer: customerDetailsSchema,
  items: z
    .array(
      z.object({
        id: idSchema,
        productId: idSchema,
        quantity: z.number().int().positive().max(999),
        modifiers: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
        /** Options of the product's modifier groups; every required group needs its choices. */
        choices: z.array(choiceSchema).max(60).optional(),
        notes: noteSchema.optional(),
        course: courseSchema.optional(),
        allergy: guestAllergySchema.optional(),
      }),
    )
    .min(1)
    .max(200),
  allergy: guestAllergySchema.optional(),
  table: tableSchema.optional(),
  guests: guestsSchema.optional(),
  /** The terminal taking the order numbers it with its code for the day ("A-12"); without one the server numbers it ("12"). */
  terminalId: terminalIdSchema.optional(),
  /** The terminal's service day (its local date, 04:00 rollover); absent: the server's. */
  serviceDay: serviceDayIdSchema.optional(),
  /**
   * The number the terminal gave it ("H-7": a restaurant hub, numbering alone, forwards it so).
   * Kept when it is the terminal's code and beyond its counter; otherwise the server numbers it.
   */
  number: orderNumberSchema.optional(),
  at: epochMsSchema,
});
export const confirmOrderArgsSchema = z.object({ orderId: idSchema, at: epochMsSchema });
export const setOrderStatusArgsSchema = z.object({
  orderId: idSchema,
  status: orderStatusSchema,
  at: epochMsSchema,
});
export const cancelOrderArgsSchema = z.object({
  orderId: idSchema,
  reason: noteSchema.optional(),
  at: epochMsSchema,
});
export const setKitchenItemStatusArgsSchema = z.object({
  kitchenOrderId: derivedIdSchema,
  itemId: idSchema,
  status: itemStatusSchema,
  at: epochMsSchema,
});
/**
 * Schema 2's item move says what the cook did (an event of the item table), not the status to
 * set: replayed late, a `start` on an item someone finished is refused, where status
 * `in_progress` from `done` would have been an undo (README "Versions").
 */
export const moveKitchenItemArgsSchema = z.object({
  kitchenOrderId: derivedIdSchema,
  itemId: idSchema,
  event: z.enum(['start', 'finish', 'undo']),
  at: epochMsSchema,
});
export const kitchenOrderArgsSchema = z.object({ kitchenOrderId: derivedIdSchema, at: epochMsSchema });
export const upsertProductArgsSchema = productSchema
  .omit({ recipeVersion: true, soldOut: true })
  .partial({ category: true, allergens: true, ingredients: true, recipeSteps: true, active: true });
/** warn < late is checked on the station as stored (thresholdsInOrder), where both are known. */
export const upsertStationArgsSchema = stationSchema.omit({ openTickets: true, screensDownSince: true, screenDownNotice: true }).partial({ active: true });
export const reissueContractArgsSchema = z.object({ orderId: idSchema, at: epochMsSchema });
export const fireCourseArgsSchema = z.object({ orderId: idSchema, course: courseSchema, at: epochMsSchema });
export const setProductSoldOutArgsSchema = z.object({ productId: idSchema, soldOut: z.boolean(), at: epochMsSchema });
export const handOffOrderArgsSchema = z.object({ orderId: idSchema, at: epochMsSchema });
export const setOrderRushArgsSchema = z.object({ orderId: idSchema, rush: z.boolean(), at: epochMsSchema });
export const dismissRejectionArgsSchema = z.object({ key: z.string().startsWith('rejection/').max(400) });

export type CreateOrderArgs = z.infer<typeof createOrderArgsSchema>;
export type ConfirmOrderArgs = z.infer<typeof confirmOrderArgsSchema>;
export type SetOrderStatusArgs = z.infer<typeof setOrderStatusArgsSchema>;
export type CancelOrderArgs = z.infer<typeof cancelOrderArgsSchema>;
export type SetKitchenItemStatusArgs = z.infer<typeof setKitchenItemStatusArgsSchema>;
export type MoveKitchenItemArgs = z.infer<typeof moveKitchenItemArgsSchema>;
export type KitchenOrderArgs = z.infer<typeof kitchenOrderArgsSchema>;
export type UpsertProductArgs = z.infer<typeof upsertProductArgsSchema>;
export type UpsertStationArgs = z.infer<typeof upsertStationArgsSchema>;
export type ReissueContractArgs = z.infer<typeof reissueContractArgsSchema>;
export type DismissRejectionArgs = z.infer<typeof dismissRejectionArgsSchema>;
export type FireCourseArgs = z.infer<typeof fireCourseArgsSchema>;
export type SetProductSoldOutArgs = z.infer<typeof setProductSoldOutArgsSchema>;
export type HandOffOrderArgs = z.infer<typeof handOffOrderArgsSchema>;
export type SetOrderRushArgs = z.infer<typeof setOrderRushArgsSchema>;
