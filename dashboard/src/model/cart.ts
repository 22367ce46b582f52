import { chooseOptions, createOrderArgsSchema, unitPriceCents, type Channel, type Choice, type ChosenOption, type CreateOrderArgs, type Product } from '@kitchensync/shared';

/** One line of an order being written; text fields stay as typed until the order is built. */
export interface CartLine {
  readonly key: string;
  readonly productId: string;
  readonly quantity: number;
  readonly modifiers: string;
  readonly notes: string;
  /** 1 = first course (fired on confirm); later courses wait until fired. */
  readonly course: number;
  /** A guest's allergy for this line, as typed; it locks the kitchen ticket until acknowledged. */
  readonly allergy: string;
  /** The options picked for the product's modifier groups (asked before the line is added). */
  readonly choices: readonly Choice[];
}

export interface PricedLine extends CartLine {
  readonly name: string;
  readonly unitPriceCents: number;
  readonly lineTotalCents: number;
  readonly available: boolean;
  /** The picked options' names, in menu order. */
  readonly options: readonly string[];
}

export interface CartTotals {
  readonly lines: readonly PricedLine[];
  readonly itemCount: number;
  readonly totalCents: number;
}

export interface CustomerInput {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
}

/** Where and for whom: table and guest count (dine-in only), and an allergy for the whole order. */
export interface ServiceInput {
  readonly table: string;
  readonly guests: string;
  readonly allergy: string;
}

export const noService: ServiceInput = { table: '', guests: '', allergy: '' };

/** A product can be ordered while it is on the menu and not 86'd by the kitchen. */
export const orderable = (product: Product | undefined): boolean => product?.active === true && product.soldOut !== true;

/** "no onions, extra cheese" → ["no onions", "extra cheese"]. */
export function parseModifiers(text: string): string[] {
  return text
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
}

/** The course a product's line starts in: the product's own (a burger is a main), else the first. */
export const defaultCourse = (product: Pick<Product, 'course'> | undefined): number => product?.course ?? 1;

const sameChoices = (a: readonly Choice[], b: readonly Choice[]) =>
  a.length === b.length && a.every((c) => b.some((d) => d.groupId === c.groupId && d.optionId === c.optionId));

const untouched = (line: CartLine, course: number, choices: readonly Choice[]) =>
  line.modifiers.trim() === '' && line.notes.trim() === '' && line.allergy.trim() === '' && line.course === course && sameChoices(line.choices, choices);

/** Tapping a product again adds one more to its untouched line with the same choices; a line with modifiers stays as it is. */
export function addProduct(lines: readonly CartLine[], product: Pick<Product, 'id' | 'course'>, newKey: () => string, choices: readonly Choice[] = []): CartLine[] {
  const course = defaultCourse(product);
  const existing = lines.find((l) => l.productId === product.id && untouched(l, course, choices));
  if (existing) return lines.map((l) => (l === existing ? { ...l, quantity: l.quantity + 1 } : l));
  return [...lines, { key: newKey(), productId: product.id, quantity: 1, modifiers: '', notes: '', course, allergy: '', choices }];
}

export function updateLine(lines: readonly CartLine[], key: string, patch: Partial<Omit<CartLine, 'key' | 'productId'>>): CartLine[] {
  return lines.map((l) => (l.key === key ? { ...l, ...patch } : l));
}

export const removeLine = (lines: readonly CartLine[], key: string): CartLine[] => lines.filter((l) => l.key !== key);

/** "3" → 3; anything that is not a whole number ≥ 0 counts as 0 until fixed. */
export function parseQuantity(text: string): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 999) : 0;
}

/** Prices from the current menu, the same way the createOrder mutator will compute them. */
export function cartTotals(lines: readonly CartLine[], products: ReadonlyMap<string, Product>): CartTotals {
  const priced = lines.map((line): PricedLine => {
    const product = products.get(line.productId);
    const options = product ? (pickedOptions(product, line.choices).options ?? []) : [];
    const unit = product ? unitPriceCents(product, options) : 0;
    return {
      ...line,
      name: product?.name ?? 'Unknown product',
      unitPriceCents: unit,
      lineTotalCents: unit * line.quantity,
      available: orderable(product),
      options: options.map((o) => o.name),
    };
  });
  return {
    lines: priced,
    itemCount: priced.reduce((n, l) => n + l.quantity, 0),
    totalCents: priced.reduce((sum, l) => sum + l.lineTotalCents, 0),
  };
}


export interface OrderDraft {
  readonly id: string;
  readonly channel: Channel;
  readonly customer: CustomerInput;
  readonly service: ServiceInput;
  readonly lines: readonly CartLine[];
  readonly at: number;
}

export type BuildResult = { ok: true; args: CreateOrderArgs } | { ok: false; problems: string[] };

/** The createOrder args for a draft, checked with the mutator's own schema; problems in plain words. */
export function buildCreateOrder(draft: OrderDraft, products: ReadonlyMap<string, Product>): BuildResult {
  const problems: string[] = [];
  if (draft.lines.length === 0) problems.push('Add at least one item.');
  if (draft.lines.some((l) => l.quantity < 1)) problems.push('Every line needs a quantity of at least 1.');
  for (const l of draft.lines) {
    const product = products.get(l.productId);
    if (product?.active !== true) problems.push('An item is no longer on the menu.');
    else if (product.soldOut === true) problems.push(`${product.name} is sold out (86'd by the kitchen).`);
    else {
      const { problem } = pickedOptions(product, l.choices);
      if (problem) problems.push(problem);
    }
  }
  if (!draft.customer.name.trim()) problems.push('Enter the customer’s name.');
  const phone = draft.customer.phone.trim();
  const email = draft.customer.email.trim();
  const table = draft.service.table.trim();
  const guests = draft.service.guests.trim();
  const allergy = draft.service.allergy.trim();
  const dineIn = draft.channel === 'dine_in';
  const args = {
    id: draft.id,
    channel: draft.channel,
    customer: { name: draft.customer.name.trim(), ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
    ...(dineIn && table ? { table } : {}),
    ...(dineIn && guests ? { guests: Number(guests) } : {}),
    ...(allergy ? { allergy } : {}),
    items: draft.lines.map((l) => {
      const modifiers = parseModifiers(l.modifiers);
      const notes = l.notes.trim();
      const lineAllergy = l.allergy.trim();
      return {
        id: l.key,
        productId: l.productId,
        quantity: l.quantity,
        ...(modifiers.length ? { modifiers } : {}),
        ...(notes ? { notes } : {}),
        ...(l.course !== defaultCourse(products.get(l.productId)) ? { course: l.course } : {}),
        ...(l.choices.length ? { choices: [...l.choices] } : {}),
        ...(lineAllergy ? { allergy: lineAllergy } : {}),
      };
    }),
    at: draft.at,
  };
  if (problems.length > 0) return { ok: false, problems };
  const parsed = createOrderArgsSchema.safeParse(args);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  return { ok: true, args: parsed.data };
}

/**
 * The line's options as the mutator will price them, or why the menu no longer takes them (an
 * option 86'd since it was picked) in the mutator's words: the line then prices without options.
 */
function pickedOptions(product: Product, choices: readonly Choice[]): { options: ChosenOption[]; problem?: never } | { options?: never; problem: string } {
  try {
    return { options: chooseOptions(product, choices) };
  } catch (err) {
    return { problem: err instanceof Error ? err.message : String(err) };
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String);
  if (path.includes('phone')) return 'The phone number looks too short.';
  if (path.includes('email')) return 'The email address is not valid.';
  if (path.includes('notes')) return 'Notes are limited to 500 characters.';
  if (path.includes('modifiers')) return 'Modifiers are limited to 20 per line, 100 characters each.';
  if (path.includes('table')) return 'A table is 1 to 20 characters.';
  if (path.includes('guests')) return 'Guests must be a whole number from 1 to 99.';
  if (path.includes('allergy')) return 'An allergy is at most 200 characters.';
  if (path.includes('course')) return 'Courses go from 1 to 9.';
  return `${path.join('.') || 'Order'}: ${issue.message}`;
}
