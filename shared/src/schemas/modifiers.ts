import { z } from 'zod';
import { centsSchema, epochMsSchema, idSchema } from './primitives.ts';

// Messages are in words: the menu editor shows them beside the field they name.
const modifierNameSchema = z.string().trim().min(1, 'needs a name').max(60, 'at most 60 characters');

/** Indexes of names already used earlier in the list (case and spacing aside): a guest could not tell two "Bacon"s apart. */
function repeatedNames(items: readonly { readonly name: string }[]): number[] {
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const key = item.name.trim().toLowerCase();
    if (key === '' || !seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [i];
  });
}

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
    min: z.number().int('a whole number').min(0, 'at least 0').max(20, 'at most 20'),
    max: z.number().int('a whole number').min(1, 'at least 1').max(20, 'at most 20'),
    options: z.array(modifierOptionSchema).min(1, 'needs at least one option').max(30, 'at most 30 options'),
  })
  .refine((g) => g.min <= g.max, { message: 'the minimum is above the maximum', path: ['min'] })
  .refine((g) => g.min <= g.options.length, { message: 'asks for more choices than it has options', path: ['min'] })
  .refine((g) => new Set(g.options.map((o) => o.id)).size === g.options.length, { message: 'option ids must be unique in a group', path: ['options'] })
  .superRefine((g, ctx) => {
    for (const i of repeatedNames(g.options)) ctx.addIssue({ code: 'custom', message: 'another option has this name', path: ['options', i, 'name'] });
  });
export type ModifierGroup = z.infer<typeof modifierGroupSchema>;

export const modifierGroupsSchema = z
  .array(modifierGroupSchema)
  .max(10, 'at most 10 groups')
  .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, { message: 'group ids must be unique in a product' })
  .superRefine((groups, ctx) => {
    for (const i of repeatedNames(groups)) ctx.addIssue({ code: 'custom', message: 'another group has this name', path: [i, 'name'] });
  });

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
