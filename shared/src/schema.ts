import { z } from 'zod';
import { orderNumberSchema, serviceDayIdSchema, terminalIdSchema } from './schemas/order-numbers.ts';

/** Client-chosen ids: URL-safe so they work as path segments and key suffixes. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, _ and -');
/** Derived ids (contracts, kitchen orders) join client ids with dots. */
export const derivedIdSchema = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9_.-]+$/);
export const epochMsSchema = z.number().int().nonnegative().max(8.64e15);
const centsSchema = z.number().int().nonnegative().max(100_000_000);
const labelSchema = z.string().trim().min(1).max(200);
const noteSchema = z.string().max(500);
/** Courses are fired in turn: 1 goes to the kitchen on confirm, later ones wait until fired. */
export const courseSchema = z.number().int().min(1).max(9);
/** A guest's allergy, the one thing that locks a ticket until a cook acknowledges it. */
export const guestAllergySchema = z.string().trim().min(1).max(200);
export const tableSchema = z.string().trim().min(1).max(20);
export const guestsSchema = z.number().int().min(1).max(99);
/** Minutes since a ticket was fired after which its header turns amber / red. */
const thresholdMinutesSchema = z.number().int().min(1).max(240);
type Thresholds = { warnMinutes?: number | undefined; lateMinutes?: number | undefined };

/** A station's aging thresholds, defaults filled in (5 and 10 minutes). */
export function stationThresholds(station: Thresholds): { warnMinutes: number; lateMinutes: number } {
  return { warnMinutes: station.warnMinutes ?? 5, lateMinutes: station.lateMinutes ?? 10 };
}

export function thresholdsInOrder(station: Thresholds): boolean {
  const { warnMinutes, lateMinutes } = stationThresholds(station);
  return warnMinutes < lateMinutes;
}

export const channels = ['dine_in', 'takeaway', 'delivery', 'online'] as const;
export const channelSchema = z.enum(channels);
export type Channel = z.infer<typeof channelSchema>;

export const orderStatuses = [
  'draft',
  'confirmed',
  'in_preparation',
  'ready',
  'delivering',
  'delivered',
  'cancelled',
] as const;
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const kitchenOrderStatuses = ['held', 'queued', 'in_progress', 'ready', 'completed', 'cancelled'] as const;
export const kitchenOrderStatusSchema = z.enum(kitchenOrderStatuses);
export type KitchenOrderStatus = z.infer<typeof kitchenOrderStatusSchema>;

export const itemStatuses = ['pending', 'in_progress', 'done'] as const;
export const itemStatusSchema = z.enum(itemStatuses);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const stationTypeSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, 'station types are lower_snake_case');

export const ingredientSchema = z.object({
  name: labelSchema,
  quantity: z.number().positive().max(1_000_000),
  unit: z.string().trim().min(1).max(20),
});
export type Ingredient = z.infer<typeof ingredientSchema>;

export const productSchema = z.object({
  id: idSchema,
  name: labelSchema,
  priceCents: centsSchema,
  category: labelSchema,
  stationType: stationTypeSchema,
  prepSeconds: z.number().int().positive().max(24 * 3600),
  allergens: z.array(z.string().trim().min(1).max(40)).max(20),
  ingredients: z.array(ingredientSchema).max(50),
  recipeSteps: z.array(z.string().trim().min(1).max(300)).max(30),
  recipeVersion: z.number().int().positive(),
  active: z.boolean(),
  /** "86": out for now. Absent means available. */
  soldOut: z.boolean().optional(),
});
export type Product = z.infer<typeof productSchema>;

export const customerDetailsSchema = z.object({
  name: labelSchema,
  phone: z.string().trim().min(3).max(40).optional(),
  email: z.email().max(200).optional(),
});
export type CustomerDetails = z.infer<typeof customerDetailsSchema>;

export const customerSchema = customerDetailsSchema.extend({
  id: idSchema,
  orderCount: z.number().int().nonnegative(),
  lastOrderAt: epochMsSchema,
});
export type Customer = z.infer<typeof customerSchema>;

export const orderLineSchema = z.object({
  id: idSchema,
  productId: idSchema,
  name: z.string(),
  stationType: stationTypeSchema,
  unitPriceCents: centsSchema,
  quantity: z.number().int().positive(),
  modifiers: z.array(z.string()),
  notes: z.string().optional(),
  lineTotalCents: centsSchema,
  /** Absent means course 1. */
  course: courseSchema.optional(),
  allergy: z.string().optional(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const statusTimesSchema = z.partialRecord(orderStatusSchema, epochMsSchema);
export type StatusTimes = z.infer<typeof statusTimesSchema>;

export const orderSchema = z.object({
  id: idSchema,
  channel: channelSchema,
  customer: customerDetailsSchema,
  customerId: idSchema.optional(),
  lines: z.array(orderLineSchema),
  itemCount: z.number().int().nonnegative(),
  totalCents: centsSchema,
  status: orderStatusSchema,
  statusTimes: statusTimesSchema,
  createdAt: epochMsSchema,
  updatedAt: epochMsSchema,
  contractVersion: z.number().int().positive().optional(),
  etaAt: epochMsSchema.optional(),
  cancelReason: z.string().optional(),
  /** The guest allergy of the whole order (every ticket carries it). */
  allergy: z.string().optional(),
  table: z.string().optional(),
  guests: z.number().int().positive().optional(),
  /** Set by a manager or expo (setOrderRush): its tickets go first on every kitchen screen. */
  rush: z.boolean().optional(),
  /** Issued by the server after creation; empty until the client has pulled it. */
  trackingToken: z.string(),
  /** Unique within the restaurant and `serviceDay` (see order-number.ts); absent on older orders and, on a client, until the server numbered it. */
  number: orderNumberSchema.optional(),
  serviceDay: serviceDayIdSchema.optional(),
});
export type Order = z.infer<typeof orderSchema>;

export const productionItemSchema = z.object({
  id: idSchema,
  productId: idSchema,
  name: z.string(),
  quantity: z.number().int().positive(),
  modifiers: z.array(z.string()),
  notes: z.string().optional(),
  allergens: z.array(z.string()),
  steps: z.array(z.string()),
  prepSeconds: z.number().int().positive(),
  recipeVersion: z.number().int().positive(),
  ingredients: z.array(ingredientSchema),
  /** Absent (older contracts) means course 1. */
  course: courseSchema.optional(),
  guestAllergy: z.string().optional(),
});
export type ProductionItem = z.infer<typeof productionItemSchema>;

export const productionGroupSchema = z.object({
  /** Absent (older contracts) means course 1. */
  course: courseSchema.optional(),
  stationType: stationTypeSchema,
  items: z.array(productionItemSchema),
  prepSeconds: z.number().int().nonnegative(),
});
export type ProductionGroup = z.infer<typeof productionGroupSchema>;

export const productionContractSchema = z.object({
  id: derivedIdSchema,
  orderId: idSchema,
  version: z.number().int().positive(),
  channel: channelSchema,
  priority: z.number().int(),
  complexity: z.number().int().nonnegative(),
  groups: z.array(productionGroupSchema),
  allergens: z.array(z.string()),
  createdAt: epochMsSchema,
  etaSeconds: z.number().int().nonnegative(),
  etaAt: epochMsSchema,
  supersededBy: z.number().int().positive().optional(),
  /** The order-level guest allergy. */
  guestAllergy: z.string().optional(),
});
export type ProductionContract = z.infer<typeof productionContractSchema>;

export const closedByKinds = ['order_cancelled', 'contract_reissued', 'marked_ready'] as const;
/** Set when a ticket was ended by something other than a cook, so the rail can say so. */
export const closedBySchema = z.object({
  kind: z.enum(closedByKinds),
  reason: z.string().optional(),
  at: epochMsSchema,
});
export type ClosedBy = z.infer<typeof closedBySchema>;

export const prepStepSchema = z.object({ text: z.string(), done: z.boolean() });

export const kitchenItemSchema = z.object({
  id: idSchema,
  productId: idSchema,
  name: z.string(),
  quantity: z.number().int().positive(),
  status: itemStatusSchema,
  modifiers: z.array(z.string()),
  notes: z.string().optional(),
  allergens: z.array(z.string()),
  steps: z.array(prepStepSchema),
  prepSeconds: z.number().int().positive(),
  startedAt: epochMsSchema.optional(),
  doneAt: epochMsSchema.optional(),
  ingredients: z.array(ingredientSchema),
  /** Ingredients used, recorded once when the item is first completed. */
  consumed: z.array(ingredientSchema).optional(),
  course: courseSchema.optional(),
  guestAllergy: z.string().optional(),
  /** Fire by prep time: start this many seconds after the ticket fires, so the group finishes together. */
  startOffsetSeconds: z.number().int().nonnegative().optional(),
});
export type KitchenItem = z.infer<typeof kitchenItemSchema>;

export const kitchenOrderSchema = z.object({
  id: derivedIdSchema,
  orderId: idSchema,
  contractId: derivedIdSchema,
  contractVersion: z.number().int().positive(),
  stationId: idSchema,
  stationType: stationTypeSchema,
  channel: channelSchema,
  priority: z.number().int(),
  status: kitchenOrderStatusSchema,
  items: z.array(kitchenItemSchema),
  allergens: z.array(z.string()),
  createdAt: epochMsSchema,
  etaAt: epochMsSchema,
  updatedAt: epochMsSchema,
  readyAt: epochMsSchema.optional(),
  recalledAt: epochMsSchema.optional(),
  /** Absent (older tickets) means course 1. */
  course: courseSchema.optional(),
  /** The order's guest allergy and its lines' ones, deduplicated; what locks the ticket. */
  guestAllergies: z.array(z.string()).optional(),
  table: z.string().optional(),
  guests: z.number().int().positive().optional(),
  /** When the ticket was sent to the line (confirm for course 1, fire for later courses). */
  firedAt: epochMsSchema.optional(),
  closedBy: closedBySchema.optional(),
  /** The order's number, as every screen calls it. */
  number: orderNumberSchema.optional(),
});
export type KitchenOrder = z.infer<typeof kitchenOrderSchema>;

export const stationSchema = z.object({
  id: idSchema,
  name: labelSchema,
  type: stationTypeSchema,
  capacity: z.number().int().positive().max(1000),
  active: z.boolean(),
  /** Queued and in-progress tickets on this station, kept by the mutators. */
  openTickets: z.number().int().nonnegative(),
  /** Aging thresholds; absent means 5 and 10 (stationThresholds). */
  warnMinutes: thresholdMinutesSchema.optional(),
  lateMinutes: thresholdMinutesSchema.optional(),
});
export type Station = z.infer<typeof stationSchema>;

export const rejectionSchema = z.object({
  id: z.string(),
  clientID: z.string(),
  mutationID: z.number().int(),
  mutationName: z.string(),
  code: z.string(),
  message: z.string(),
  /** The DomainError's details (e.g. `{from, to}` of an illegal transition), so no client parses the message. */
  details: z.unknown().optional(),
  at: epochMsSchema,
});
export type Rejection = z.infer<typeof rejectionSchema>;

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
export const kitchenOrderArgsSchema = z.object({ kitchenOrderId: derivedIdSchema, at: epochMsSchema });
export const upsertProductArgsSchema = productSchema
  .omit({ recipeVersion: true, soldOut: true })
  .partial({ category: true, allergens: true, ingredients: true, recipeSteps: true, active: true });
/** warn < late is checked on the station as stored (thresholdsInOrder), where both are known. */
export const upsertStationArgsSchema = stationSchema.omit({ openTickets: true }).partial({ active: true });
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
export type KitchenOrderArgs = z.infer<typeof kitchenOrderArgsSchema>;
export type UpsertProductArgs = z.infer<typeof upsertProductArgsSchema>;
export type UpsertStationArgs = z.infer<typeof upsertStationArgsSchema>;
export type ReissueContractArgs = z.infer<typeof reissueContractArgsSchema>;
export type DismissRejectionArgs = z.infer<typeof dismissRejectionArgsSchema>;
export type FireCourseArgs = z.infer<typeof fireCourseArgsSchema>;
export type SetProductSoldOutArgs = z.infer<typeof setProductSoldOutArgsSchema>;
export type HandOffOrderArgs = z.infer<typeof handOffOrderArgsSchema>;
export type SetOrderRushArgs = z.infer<typeof setOrderRushArgsSchema>;
