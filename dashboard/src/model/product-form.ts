import { sameRecipe, upsertProductArgsSchema, type Ingredient, type Product, type UpsertProductArgs } from '@kitchensync/shared';
import { parsePrice } from './format.ts';
import { formToGroups, groupsToForm, type FieldErrors, type GroupForm } from './modifier-form.ts';

/** A product as the editor holds it: numbers as typed, lists as rows. */
export interface ProductForm {
  readonly id: string;
  readonly name: string;
  readonly price: string;
  readonly category: string;
  readonly stationType: string;
  readonly prepMinutes: string;
  readonly allergens: string;
  readonly ingredients: readonly { readonly name: string; readonly quantity: string; readonly unit: string }[];
  readonly recipeSteps: readonly string[];
  readonly active: boolean;
  /** The course a new line of it starts in (a main: 2). */
  readonly course: number;
  readonly groups: readonly GroupForm[];
}

export function emptyProductForm(id: string, stationType = ''): ProductForm {
  return { id, name: '', price: '', category: '', stationType, prepMinutes: '5', allergens: '', ingredients: [], recipeSteps: [], active: true, course: 1, groups: [] };
}

export function productToForm(p: Product): ProductForm {
  return {
    id: p.id,
    name: p.name,
    price: (p.priceCents / 100).toFixed(2),
    category: p.category,
    stationType: p.stationType,
    prepMinutes: String(Math.round((p.prepSeconds / 60) * 100) / 100),
    allergens: p.allergens.join(', '),
    ingredients: p.ingredients.map((i) => ({ name: i.name, quantity: String(i.quantity), unit: i.unit })),
    recipeSteps: [...p.recipeSteps],
    active: p.active,
    course: p.course ?? 1,
    groups: groupsToForm(p),
  };
}

const list = (text: string) => [...new Set(text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];

/** `fieldErrors` are the modifier groups' problems, shown beside their fields. */
export type ProductFormResult = { ok: true; args: UpsertProductArgs } | { ok: false; problems: string[]; fieldErrors?: FieldErrors };

/** The upsertProduct args for the form, checked with the mutator's schema; `stored` is the product as saved (it keeps its 86s). */
export function formToArgs(form: ProductForm, stored?: Product): ProductFormResult {
  const problems: string[] = [];
  const priceCents = parsePrice(form.price);
  if (priceCents === undefined) problems.push('Price must be an amount like 12.90.');
  const minutes = Number(form.prepMinutes.replace(',', '.'));
  if (!(minutes > 0)) problems.push('Prep time must be more than 0 minutes.');
  const ingredients: Ingredient[] = form.ingredients
    .filter((i) => i.name.trim() || i.quantity.trim())
    .map((i) => ({ name: i.name.trim(), quantity: Number(i.quantity.replace(',', '.')), unit: i.unit.trim() || 'pc' }));
  if (ingredients.some((i) => !i.name || !(i.quantity > 0))) problems.push('Each ingredient needs a name and a quantity above 0.');
  const args = {
    id: form.id,
    name: form.name.trim(),
    priceCents: priceCents ?? 0,
    category: form.category.trim() || 'Other',
    stationType: form.stationType.trim(),
    prepSeconds: Math.round(minutes * 60),
    allergens: list(form.allergens),
    ingredients,
    recipeSteps: form.recipeSteps.map((s) => s.trim()).filter(Boolean),
    active: form.active,
    course: form.course,
  };
  const groups = formToGroups(form.groups, stored);
  if (!groups.ok) return { ok: false, problems: [...problems, 'Fix the modifier groups where marked.'], fieldErrors: groups.errors };
  const withGroups = form.groups.length > 0 || stored?.modifierGroups !== undefined ? { ...args, modifierGroups: groups.groups } : args;
  if (problems.length > 0) return { ok: false, problems };
  const parsed = upsertProductArgsSchema.safeParse(withGroups);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.map(String).join('.') || 'product'}: ${i.message}`) };
  }
  return { ok: true, args: parsed.data };
}

/** Saving these args will create recipe version N+1: the mutator's own comparison decides. */
export function changesRecipe(before: Product | undefined, args: UpsertProductArgs): boolean {
  if (!before) return false;
  return !sameRecipe(before, { recipeSteps: args.recipeSteps ?? before.recipeSteps, ingredients: args.ingredients ?? before.ingredients });
}
