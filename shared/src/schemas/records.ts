import { z } from 'zod';
import { idSchema, epochMsSchema, centsSchema, labelSchema, courseSchema, thresholdMinutesSchema, stationTypeSchema } from './primitives.ts';
import { orderNumberSchema, serviceDayIdSchema } from './order-numbers.ts';
import { chosenOptionSchema, modifierGroupsSchema } from './modifiers.ts';
import { stationScreenFields } from './screens.ts';

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
  /** What ordering it asks ("Temperature", "Add-ons"); absent means none. */
  modifierGroups: modifierGroupsSchema.optional(),
  /** The course a new line of it goes to (a main: 2); absent means 1. */
  course: courseSchema.optional(),
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
  /** Free text, as older clients send it. */
  modifiers: z.array(z.string()),
  /** The product's modifier options chosen, in menu order; `unitPriceCents` includes their prices. */
  options: z.array(chosenOptionSchema).optional(),
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
  ...stationScreenFields,
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
