import { z } from 'zod';
import { idSchema, derivedIdSchema, epochMsSchema, courseSchema, stationTypeSchema } from './primitives.ts';
import { channelSchema, kitchenOrderStatusSchema, itemStatusSchema, ingredientSchema } from './records.ts';
import { orderNumberSchema } from './order-numbers.ts';
import { chosenOptionSchema } from './modifiers.ts';
export const productionItemSchema = z.object({
  id: idSchema,
  productId: idSchema,
  name: z.string(),
  quantity: z.number().int().positive(),
  modifiers: z.array(z.string()),
  /** The modifier options chosen on the order line (absent on older contracts). */
  options: z.array(chosenOptionSchema).optional(),
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
  options: z.array(chosenOptionSchema).optional(),
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
