import { contractId } from './keys.ts';
import { modifierLines } from './modifiers.ts';
import type { Channel, Order, Product, ProductionContract, ProductionGroup, ProductionItem } from './schema.ts';

/** Dine-in guests are waiting at the table; couriers and pick-ups have a little slack. */
const channelPriority: Record<Channel, number> = { dine_in: 3, takeaway: 2, online: 2, delivery: 2 };
/** Every five minutes a ticket waits, it gains a point of priority. */
const agingStepMs = 5 * 60_000;

export function complexityOf(items: readonly ProductionItem[]): number {
  return items.reduce((sum, i) => sum + i.quantity * Math.max(1, i.steps.length) + modifierLines(i).length, 0);
}

export function basePriority(channel: Channel, complexity: number): number {
  return channelPriority[channel] + Math.min(3, Math.floor(complexity / 8));
}

/** Priority a ticket has now: its base priority plus what it gained by waiting. */
export function effectivePriority(priority: number, createdAt: number, now: number): number {
  return priority + Math.max(0, Math.floor((now - createdAt) / agingStepMs));
}

function productionItem(line: Order['lines'][number], product: Product): ProductionItem {
  return {
    id: line.id,
    productId: product.id,
    name: product.name,
    quantity: line.quantity,
    modifiers: [...line.modifiers],
    ...(line.options ? { options: line.options.map((o) => ({ ...o })) } : {}),
    ...(line.notes ? { notes: line.notes } : {}),
    allergens: [...product.allergens],
    steps: [...product.recipeSteps],
    prepSeconds: product.prepSeconds,
    recipeVersion: product.recipeVersion,
    ingredients: product.ingredients.map((i) => ({ ...i })),
    course: line.course ?? 1,
    ...(line.allergy ? { guestAllergy: line.allergy } : {}),
  };
}

const courseOf = (item: Pick<ProductionItem, 'course'>) => item.course ?? 1;

/** Groups production items by course, then station type, in a stable order (course 1 first). */
export function groupByStation(items: readonly ProductionItem[], typeOf: (i: ProductionItem) => string): ProductionGroup[] {
  const groups = new Map<string, { course: number; stationType: string; items: ProductionItem[] }>();
  for (const item of items) {
    const course = courseOf(item);
    const stationType = typeOf(item);
    const key = `${course}\u0000${stationType}`;
    const group = groups.get(key) ?? { course, stationType, items: [] };
    groups.set(key, { ...group, items: [...group.items, item] });
  }
  return [...groups.values()]
    .sort((a, b) => a.course - b.course || (a.stationType < b.stationType ? -1 : a.stationType > b.stationType ? 1 : 0))
    .map((g) => ({ ...g, prepSeconds: Math.max(...g.items.map((i) => i.prepSeconds)) }));
}

/** Fire by prep time: how long after the ticket fires an item should start so its group finishes together. */
export function startOffsetSeconds(group: Pick<ProductionGroup, 'prepSeconds'>, item: Pick<ProductionItem, 'prepSeconds'>): number {
  return Math.max(0, group.prepSeconds - item.prepSeconds);
}

export interface ContractInput {
  readonly order: Order;
  /** Current products by id: the contract uses today's recipe, not the order-time snapshot. */
  readonly products: ReadonlyMap<string, Product>;
  readonly version: number;
  readonly at: number;
}

/** ADR-001: an order in kitchen language. ETA is filled in once stations (and their queues) are known. */
export function buildContract({ order, products, version, at }: ContractInput): ProductionContract {
  const items = order.lines.map((line) => {
    const product = products.get(line.productId);
    if (!product) throw new Error(`product ${line.productId} missing from contract input`);
    return productionItem(line, product);
  });
  const stationTypes = new Map(order.lines.map((l) => [l.id, products.get(l.productId)?.stationType ?? l.stationType]));
  const groups = groupByStation(items, (i) => stationTypes.get(i.id) ?? '');
  const complexity = complexityOf(items);
  const etaSeconds = Math.max(0, ...groups.map((g) => g.prepSeconds));
  return {
    id: contractId(order.id, version),
    orderId: order.id,
    version,
    channel: order.channel,
    priority: basePriority(order.channel, complexity),
    complexity,
    groups,
    allergens: [...new Set(items.flatMap((i) => i.allergens))].sort(),
    createdAt: at,
    etaSeconds,
    etaAt: at + etaSeconds * 1000,
    ...(order.allergy ? { guestAllergy: order.allergy } : {}),
  };
}

/** Adds each group's station queue to the ETA: the slowest station decides. */
export function withQueueEta(contract: ProductionContract, queueSecondsByType: ReadonlyMap<string, number>): ProductionContract {
  const etaSeconds = Math.max(0, ...contract.groups.map((g) => g.prepSeconds + (queueSecondsByType.get(g.stationType) ?? 0)));
  return { ...contract, etaSeconds, etaAt: contract.createdAt + etaSeconds * 1000 };
}
