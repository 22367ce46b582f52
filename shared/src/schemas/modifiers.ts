import { z } from 'zod';
import { centsSchema, epochMsSchema, idSchema } from './primitives.ts';

const modifierNameSchema = z.string().trim().min(1).max(60);

/** One choice in a group ("medium rare", "bacon +€2"); an option can be 86'd like a product. */
export const modifierOptionSchema = z.object({
  id: idSchema,
  name: modifierNameSchema,
  /** Added to the line's unit price when chosen (0: free). */
  priceDeltaCents: centsSchema,
  /** "86": out for now. Absent means available. */
  soldOut: z.boolean().optional(),
});
export type ModifierOption = z.infer<typeof modifierOptionSchema>;

/**
 * What a product asks when it is ordered: "Temperature — choose exactly 1" (min 1, max 1),
 * "Add-ons — up to 3" (min 0, max 3). A group with min ≥ 1 is required.
 */
export const modifierGroupSchema = z
  .object({
    id: idSchema,
    name: modifierNameSchema,
    min: z.number().int().min(0).max(20),
    max: z.number().int().min(1).max(20),
    options: z.array(modifierOptionSchema).min(1).max(30),
  })
  .refine((g) => g.min <= g.max, { message: 'min must not exceed max', path: ['min'] })
  .refine((g) => g.min <= g.options.length, { message: 'min asks for more options than the group has', path: ['min'] })
  .refine((g) => new Set(g.options.map((o) => o.id)).size === g.options.length, { message: 'option ids must be unique in a group', path: ['options'] });
export type ModifierGroup = z.infer<typeof modifierGroupSchema>;

export const modifierGroupsSchema = z
  .array(modifierGroupSchema)
  .max(10)
  .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, { message: 'group ids must be unique in a product' });

/** What an order line asks for: one option of one group (several entries for several options). */
export const choiceSchema = z.object({ groupId: idSchema, optionId: idSchema });
export type Choice = z.infer<typeof choiceSchema>;

/** A chosen option as the order, the contract and the ticket keep it: named and priced as when ordered. */
export const chosenOptionSchema = modifierOptionSchema
  .pick({ name: true, priceDeltaCents: true })
  .extend({ groupId: idSchema, group: z.string(), optionId: idSchema });
export type ChosenOption = z.infer<typeof chosenOptionSchema>;

export const setModifierOptionSoldOutArgsSchema = choiceSchema.extend({ productId: idSchema, soldOut: z.boolean(), at: epochMsSchema });
export type SetModifierOptionSoldOutArgs = z.infer<typeof setModifierOptionSoldOutArgsSchema>;
