import { contractId, kitchenOrderMachine, type KitchenOrder, type KitchenOrderStatus, type Order, type ProductionContract, type Station } from '@kitchensync/shared';

export interface StationProgress {
  readonly ticketId: string;
  readonly stationName: string;
  readonly stationType: string;
  /** 1 unless the ticket belongs to a later course (older tickets have none). */
  readonly course: number;
  readonly status: KitchenOrderStatus;
  readonly done: number;
  readonly total: number;
  readonly items: KitchenOrder['items'];
  readonly readyAt: number | undefined;
}

/** The tickets of the order's current contract, one per station, with items done out of total. */
export function progressByStation(
  order: Pick<Order, 'id' | 'contractVersion'>,
  tickets: Iterable<KitchenOrder>,
  stations: ReadonlyMap<string, Station>,
): StationProgress[] {
  if (!order.contractVersion) return [];
  const prefix = `${contractId(order.id, order.contractVersion)}.`;
  return [...tickets]
    .filter((t) => t.orderId === order.id && t.id.startsWith(prefix))
    .sort((a, b) => (a.course ?? 1) - (b.course ?? 1) || a.stationType.localeCompare(b.stationType) || a.id.localeCompare(b.id))
    .map((t) => ({
      ticketId: t.id,
      stationName: stations.get(t.stationId)?.name ?? t.stationId,
      stationType: t.stationType,
      course: t.course ?? 1,
      status: t.status,
      done: t.items.filter((i) => i.status === 'done').reduce((n, i) => n + i.quantity, 0),
      total: t.items.reduce((n, i) => n + i.quantity, 0),
      items: t.items,
      readyAt: t.readyAt,
    }));
}

export interface HeldCourse {
  readonly course: number;
  /** Station names whose tickets of this course wait to be fired. */
  readonly stations: readonly string[];
}

/** Courses of the current contract whose tickets the kitchen table lets a "fire" start, lowest first. */
export function heldCourses(progress: readonly StationProgress[]): HeldCourse[] {
  const byCourse = new Map<number, string[]>();
  for (const p of progress) {
    if (!kitchenOrderMachine.allows('fire', p.status, {})) continue;
    byCourse.set(p.course, [...(byCourse.get(p.course) ?? []), p.stationName]);
  }
  return [...byCourse].sort(([a], [b]) => a - b).map(([course, stations]) => ({ course, stations }));
}

/** An order's contracts, newest version first. */
export function contractsOfOrder(contracts: Iterable<ProductionContract>, orderId: string): ProductionContract[] {
  return [...contracts].filter((c) => c.orderId === orderId).sort((a, b) => b.version - a.version);
}

/** Products whose recipe changed since the contract was issued (a reason to re-issue it). */
export function staleRecipes(contract: ProductionContract | undefined, recipeVersionOf: (productId: string) => number | undefined): string[] {
  if (!contract) return [];
  const items = contract.groups.flatMap((g) => g.items);
  return [...new Set(items.filter((i) => (recipeVersionOf(i.productId) ?? i.recipeVersion) > i.recipeVersion).map((i) => i.name))];
}

export interface IngredientUse {
  readonly name: string;
  readonly unit: string;
  readonly quantity: number;
}

/**
 * Ingredients used by items completed in the range. An item carried onto a re-issued contract
 * appears on two tickets; it was cooked once, so it counts once.
 */
export function consumption(tickets: Iterable<KitchenOrder>, from: number, to: number): IngredientUse[] {
  const seen = new Set<string>();
  const totals = new Map<string, IngredientUse>();
  for (const ticket of tickets) {
    for (const item of ticket.items) {
      const key = `${ticket.orderId}/${item.id}`;
      if (!item.consumed || item.doneAt === undefined || item.doneAt < from || item.doneAt >= to || seen.has(key)) continue;
      seen.add(key);
      for (const use of item.consumed) {
        const id = `${use.name.toLowerCase()}|${use.unit}`;
        const prev = totals.get(id);
        totals.set(id, { name: prev?.name ?? use.name, unit: use.unit, quantity: (prev?.quantity ?? 0) + use.quantity });
      }
    }
  }
  return [...totals.values()].sort((a, b) => a.name.localeCompare(b.name) || a.unit.localeCompare(b.unit));
}

export type LoadLevel = 'idle' | 'normal' | 'busy' | 'full';

/** How full a station is: open tickets against its capacity. */
export function stationLoad(station: Pick<Station, 'openTickets' | 'capacity'>): { ratio: number; level: LoadLevel } {
  const ratio = station.capacity > 0 ? station.openTickets / station.capacity : 1;
  const levels: [number, LoadLevel][] = [[1, 'full'], [0.75, 'busy'], [Number.EPSILON, 'normal']];
  return { ratio, level: levels.find(([min]) => ratio >= min)?.[1] ?? 'idle' };
}
