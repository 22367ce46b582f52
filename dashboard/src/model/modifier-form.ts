import { choiceRule, isRequired, modifierGroupsSchema, type ModifierGroup, type Product } from '@kitchensync/shared';
import { parsePrice } from './format.ts';

/** An option as the editor holds it: its price delta as typed ("2.00"). */
export interface OptionForm {
  readonly id: string;
  readonly name: string;
  readonly price: string;
}

/** A modifier group as the editor holds it: min and max as typed. */
export interface GroupForm {
  readonly id: string;
  readonly name: string;
  readonly min: string;
  readonly max: string;
  readonly options: readonly OptionForm[];
}

/** Problems by field: `0.name`, `0.min`, `0.options.2.price`, … (group, then option index). */
export type FieldErrors = Readonly<Record<string, string>>;

export type GroupsResult = { ok: true; groups: ModifierGroup[] } | { ok: false; errors: FieldErrors };

const centsToText = (cents: number) => (cents / 100).toFixed(2);

export const groupsToForm = (product: Pick<Product, 'modifierGroups'>): GroupForm[] =>
  (product.modifierGroups ?? []).map((g) => ({
    id: g.id,
    name: g.name,
    min: String(g.min),
    max: String(g.max),
    options: g.options.map((o) => ({ id: o.id, name: o.name, price: centsToText(o.priceDeltaCents) })),
  }));

/** A new group reads "choose exactly 1" until the manager says otherwise. */
export const newGroup = (id: string, optionId: string): GroupForm => ({ id, name: '', min: '1', max: '1', options: [newOption(optionId)] });
export const newOption = (id: string): OptionForm => ({ id, name: '', price: '0.00' });

/** The list with entry `index` moved one place up (-1) or down (1); the same order when it is already at that end. */
export function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const next = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return next;
  [next[index], next[to]] = [next[to] as T, next[index] as T];
  return next;
}

/** "" → 0 (a free option), else the typed amount; undefined if it is not one. */
const priceDelta = (text: string) => (text.trim() === '' ? 0 : parsePrice(text));

/** A typed count as a number; what is not a whole number stays NaN and the schema names it. */
const count = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** "choose exactly 1 · required", "up to 3 · optional"; nothing while min or max is not a count. */
export function ruleInWords(group: Pick<GroupForm, 'min' | 'max'>): string {
  const rule = { min: count(group.min), max: count(group.max) };
  if (Number.isNaN(rule.min) || Number.isNaN(rule.max) || rule.min > rule.max) return '';
  return `${choiceRule(rule)} · ${isRequired(rule) ? 'required' : 'optional'}`;
}

/**
 * The groups to save, checked by the shared schema (the one REST and the mutator use), with each
 * problem keyed to its field. An option keeps the 86 the kitchen gave it (from the stored product):
 * saving the menu must not put a sold-out option back on.
 */
export function formToGroups(rows: readonly GroupForm[], stored: Pick<Product, 'modifierGroups'> | undefined): GroupsResult {
  const errors: Record<string, string> = {};
  const groups = rows.map((g, gi) => ({
    id: g.id,
    name: g.name.trim(),
    min: count(g.min),
    max: count(g.max),
    options: g.options.map((o, oi) => {
      const cents = priceDelta(o.price);
      if (cents === undefined) errors[`${gi}.options.${oi}.price`] = 'an amount like 2.00';
      const soldOut = stored?.modifierGroups?.find((s) => s.id === g.id)?.options.find((s) => s.id === o.id)?.soldOut;
      return { id: o.id, name: o.name.trim(), priceDeltaCents: cents ?? 0, ...(soldOut === undefined ? {} : { soldOut }) };
    }),
  }));
  const parsed = modifierGroupsSchema.safeParse(groups);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const key = fieldKey(issue.path);
    errors[key] ??= issue.code === 'invalid_type' ? 'a whole number' : issue.message;
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, groups: parsed.data };
}

/** The schema's path as the editor's field key; a price problem belongs to the price field. */
function fieldKey(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  if (parts.at(-1) === 'priceDeltaCents') parts[parts.length - 1] = 'price';
  return parts.join('.') || 'groups';
}
