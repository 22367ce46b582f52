import { sameRecipe, upsertProductArgsSchema, type Ingredient, type Product, type UpsertProductArgs } from '@kitchensync/shared';

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
}

export function emptyProductForm(id: string, stationType = ''): ProductForm {
  return { id, name: '', price: '', category: '', stationType, prepMinutes: '5', allergens: '', ingredients: [], recipeSteps: [], active: true };
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
  };
}

/** "12.90" or "12,90" → 1290; undefined if it is not a price. */
export function parsePrice(text: string): number | undefined {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

const list = (text: string) => [...new Set(text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];

export type ProductFormResult = { ok: true; args: UpsertProductArgs } | { ok: false; problems: string[] };

/** The upsertProduct args for the form, checked with the mutator's schema. */
export function formToArgs(form: ProductForm): ProductFormResult {
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
  };
  if (problems.length > 0) return { ok: false, problems };
  const parsed = upsertProductArgsSchema.safeParse(args);
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
