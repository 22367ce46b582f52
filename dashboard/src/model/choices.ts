import type { Choice, ModifierGroup, Product } from '@kitchensync/shared';

/** Picked option ids by group id, as the choices dialog holds them. */
export type Picks = ReadonlyMap<string, readonly string[]>;

/**
 * A tap on an option: a one-choice group swaps to it; a many-choice group toggles it, and
 * ignores a new one once `max` are picked (the guest must drop one first).
 */
export function toggle(picks: Picks, group: Pick<ModifierGroup, 'id' | 'max'>, optionId: string): Picks {
  const current = picks.get(group.id) ?? [];
  const next = new Map(picks);
  if (group.max === 1) next.set(group.id, [optionId]);
  else if (current.includes(optionId)) next.set(group.id, current.filter((o) => o !== optionId));
  else if (current.length < group.max) next.set(group.id, [...current, optionId]);
  return next;
}

/** Groups still short of their minimum: the line cannot be added until none is. */
export const missingGroups = (product: Product, picks: Picks): ModifierGroup[] =>
  (product.modifierGroups ?? []).filter((g) => (picks.get(g.id)?.length ?? 0) < g.min);

export const choicesOf = (picks: Picks): Choice[] => [...picks].flatMap(([groupId, ids]) => ids.map((optionId) => ({ groupId, optionId })));

/** Whether a product asks anything before its line is added. */
export const asksChoices = (product: Product): boolean => (product.modifierGroups?.length ?? 0) > 0;
