import { DomainError } from './errors.ts';
import type { Choice, ChosenOption, ModifierGroup, Product } from './schema.ts';

/** A group that must be answered before the line can be ordered. */
export const isRequired = (group: Pick<ModifierGroup, 'min'>): boolean => group.min > 0;

/** "choose exactly 1", "choose 1–2", "up to 3": how a group reads on a form or in an error. */
export function choiceRule(group: Pick<ModifierGroup, 'min' | 'max'>): string {
  if (group.min === group.max) return `choose exactly ${group.min}`;
  return group.min === 0 ? `up to ${group.max}` : `choose ${group.min}–${group.max}`;
}

/** What the kitchen reads under a line: the chosen options first, then free-text modifiers (older orders have only those). */
export function modifierLines(item: { readonly modifiers: readonly string[]; readonly options?: readonly Pick<ChosenOption, 'name'>[] | undefined }): string[] {
  return [...(item.options ?? []).map((o) => o.name), ...item.modifiers];
}

/** A line's unit price: the product's, plus each chosen option's. */
export const unitPriceCents = (product: Pick<Product, 'priceCents'>, options: readonly Pick<ChosenOption, 'priceDeltaCents'>[]): number =>
  options.reduce((sum, o) => sum + o.priceDeltaCents, product.priceCents);

function groupOf(product: Product, choice: Choice): ModifierGroup {
  const group = product.modifierGroups?.find((g) => g.id === choice.groupId);
  if (!group) throw new DomainError('invalid_args', `${product.name} has no modifier group ${choice.groupId}`, { productId: product.id, groupId: choice.groupId });
  if (!group.options.some((o) => o.id === choice.optionId)) {
    throw new DomainError('invalid_args', `${group.name} of ${product.name} has no option ${choice.optionId}`, { productId: product.id, groupId: group.id, optionId: choice.optionId });
  }
  return group;
}

/** Refuses a count outside the group's min and max, naming the group. */
function assertCount(product: Product, group: ModifierGroup, chosen: number): void {
  if (chosen >= group.min && chosen <= group.max) return;
  const details = { productId: product.id, groupId: group.id, group: group.name, min: group.min, max: group.max, chosen };
  if (chosen < group.min) throw new DomainError('modifier_required', `${product.name}: ${group.name} — ${choiceRule(group)}`, details);
  throw new DomainError('modifier_limit', `${product.name}: ${group.name} — ${choiceRule(group)}, got ${chosen}`, details);
}

/**
 * The options an order line chose, checked against the product's groups: every option exists
 * and is not 86'd, none is chosen twice, and each group gets between its min and max choices.
 * Returned in menu order (groups, then options), so the same choices always read the same.
 */
export function chooseOptions(product: Product, choices: readonly Choice[] = []): ChosenOption[] {
  const picked = new Set<string>();
  for (const choice of choices) {
    groupOf(product, choice);
    const key = `${choice.groupId}/${choice.optionId}`;
    if (picked.has(key)) throw new DomainError('invalid_args', `${product.name}: ${choice.optionId} is chosen twice`, { productId: product.id, ...choice });
    picked.add(key);
  }
  const chosen: ChosenOption[] = [];
  for (const group of product.modifierGroups ?? []) {
    const options = group.options.filter((o) => picked.has(`${group.id}/${o.id}`));
    assertCount(product, group, options.length);
    chosen.push(...options.map((o) => ({ groupId: group.id, group: group.name, optionId: o.id, name: o.name, priceDeltaCents: o.priceDeltaCents })));
  }
  assertOptionsAvailable(product, chosen);
  return chosen;
}

/** Refuses chosen options the kitchen has 86'd (on a new line, and since, when the order is confirmed), naming them. */
export function assertOptionsAvailable(product: Product, options: readonly ChosenOption[]): void {
  const out = options.filter((c) => {
    const option = product.modifierGroups?.find((g) => g.id === c.groupId)?.options.find((o) => o.id === c.optionId);
    return option?.soldOut === true;
  });
  if (out.length === 0) return;
  throw new DomainError('sold_out', `sold out: ${out.map((o) => `${o.name} (${product.name})`).join(', ')}`, { productId: product.id, optionIds: out.map((o) => o.optionId) });
}
