import { buildContract, startOffsetSeconds, withQueueEta } from '../contracts.ts';
import { DomainError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { contractId, contractKey, kitchenOrderId, kitchenOrderKey, keyPrefix, productKey } from '../keys.ts';
import type { KitchenItem, KitchenOrder, KitchenOrderStatus, Order, Product, ProductionContract, ProductionGroup, Station } from '../schema.ts';
import { openTicketStatuses } from '../machines/kitchen-order-machine.ts';
import { assignStations, queueSeconds } from '../stations.ts';
import { list, read, readOrFail, write, type Tx } from '../tx.ts';
import { adjustStationLoad } from './transitions.ts';
import { printTicket } from '../print/print-jobs.ts';

/** The order's products, asked for together (the server reads them in one statement). */
export async function productsOfOrder(tx: Tx, order: Order): Promise<Map<string, Product>> {
  const ids = [...new Set(order.lines.map((line) => line.productId))];
  const products = await Promise.all(ids.map((id) => readOrFail<Product>(tx, productKey(id), `product ${id}`)));
  return new Map(ids.map((id, i) => [id, products[i] as Product]));
}

/** Refuses an order holding a product the kitchen has 86'd, naming every one of them. */
export function assertNoneSoldOut(products: Iterable<Pick<Product, 'id' | 'name' | 'soldOut'>>): void {
  const out = [...products].filter((p) => p.soldOut === true);
  if (out.length === 0) return;
  throw new DomainError('sold_out', `sold out: ${out.map((p) => p.name).join(', ')}`, { productIds: out.map((p) => p.id) });
}

function ticketItems(group: ProductionGroup, carried: ReadonlyMap<string, KitchenItem>): KitchenItem[] {
  return group.items.map((item) => {
    const earlier = carried.get(item.id);
    return {
      id: item.id,
      productId: item.productId,
      name: item.name,
      quantity: item.quantity,
      status: earlier?.status ?? 'pending',
      modifiers: item.modifiers,
      ...(item.options ? { options: item.options } : {}),
      ...(item.notes ? { notes: item.notes } : {}),
      allergens: item.allergens,
      steps: item.steps.map((text) => ({ text, done: earlier?.status === 'done' })),
      prepSeconds: item.prepSeconds,
      ingredients: item.ingredients,
      course: group.course ?? 1,
      ...(item.guestAllergy ? { guestAllergy: item.guestAllergy } : {}),
      startOffsetSeconds: startOffsetSeconds(group, item),
      ...(earlier?.startedAt ? { startedAt: earlier.startedAt } : {}),
      ...(earlier?.doneAt ? { doneAt: earlier.doneAt } : {}),
      ...(earlier?.consumed ? { consumed: earlier.consumed } : {}),
    };
  });
}

/** When each course was first fired, from the tickets being replaced; course 1 fires on confirm. */
function firedTimes(contract: ProductionContract, replaced: readonly KitchenOrder[]): Map<number, number> {
  const fired = new Map<number, number>([[1, contract.createdAt]]);
  for (const t of replaced) {
    if (t.firedAt === undefined) continue;
    const course = t.course ?? 1;
    fired.set(course, Math.min(t.firedAt, fired.get(course) ?? t.firedAt));
  }
  return fired;
}

function ticketStatus(items: readonly KitchenItem[], firedAt: number | undefined): KitchenOrderStatus {
  if (items.some((i) => i.status !== 'pending')) return 'in_progress';
  return firedAt === undefined ? 'held' : 'queued';
}

function guestAllergies(contract: ProductionContract, items: readonly KitchenItem[]): string[] {
  const all = [contract.guestAllergy, ...items.map((i) => i.guestAllergy)];
  return [...new Set(all.filter((a): a is string => a !== undefined))];
}

function ticketFor(contract: ProductionContract, order: Order, group: ProductionGroup, station: Station, items: KitchenItem[], firedAt: number | undefined): KitchenOrder {
  const course = group.course ?? 1;
  return {
    id: kitchenOrderId(contract.id, station.id, course),
    orderId: contract.orderId,
    contractId: contract.id,
    contractVersion: contract.version,
    stationId: station.id,
    stationType: group.stationType,
    channel: contract.channel,
    priority: contract.priority,
    status: ticketStatus(items, firedAt),
    items,
    allergens: [...new Set(items.flatMap((i) => i.allergens))].sort(),
    createdAt: contract.createdAt,
    etaAt: contract.etaAt,
    updatedAt: contract.createdAt,
    course,
    guestAllergies: guestAllergies(contract, items),
    ...(order.table ? { table: order.table } : {}),
    ...(order.guests ? { guests: order.guests } : {}),
    ...(order.number ? { number: order.number } : {}),
    ...(firedAt === undefined ? {} : { firedAt }),
  };
}

/** Stations as balancing should see them: the tickets being replaced have already left. */
function withoutLoadOf(stations: readonly Station[], replaced: readonly KitchenOrder[]): Station[] {
  const leaving = (s: Station) => replaced.filter((t) => t.stationId === s.id && openTicketStatuses.includes(t.status)).length;
  return stations.map((s) => ({ ...s, openTickets: Math.max(0, s.openTickets - leaving(s)) }));
}

/**
 * Issues contract version N+1 for the order from today's recipes, assigns each station group to
 * the least-loaded station and opens its ticket. Items already worked on in the tickets it
 * replaces (same order line) keep their progress; retiring those tickets is the caller's move.
 * It checks everything before its first write, so a refusal changes nothing.
 */
export async function issueContract(
  tx: Tx,
  order: Order,
  at: number,
  replaced: readonly KitchenOrder[] = [],
): Promise<{ contract: ProductionContract; events: DomainEvent[] }> {
  const version = (order.contractVersion ?? 0) + 1;
  const draft = buildContract({ order, products: await productsOfOrder(tx, order), version, at });
  const stations = withoutLoadOf(await list<Station>(tx, keyPrefix.station), replaced);
  // Every course of a station type goes to the same station: the cook who made the starter plates the main.
  const { assigned, missing } = assignStations([...new Set(draft.groups.map((g) => g.stationType))], stations);
  if (missing.length > 0) {
    throw new DomainError('no_station', `no active station for ${missing.join(', ')}`, { stationTypes: missing });
  }
  const station = (type: string) => assigned.get(type) as Station;
  const contract = withQueueEta(
    draft,
    new Map(draft.groups.map((g) => [g.stationType, queueSeconds(station(g.stationType), g.prepSeconds)])),
  );
  await write(tx, contractKey(contract.id), contract);
  const events: DomainEvent[] = [{ type: 'contract.issued', orderId: order.id, contractId: contract.id, version }];
  const carried = new Map(replaced.flatMap((t) => t.items.map((i) => [i.id, i] as const)));
  const fired = firedTimes(contract, replaced);
  for (const group of contract.groups) {
    const items = ticketItems(group, carried);
    const ticket = ticketFor(contract, order, group, station(group.stationType), items, fired.get(group.course ?? 1));
    await write(tx, kitchenOrderKey(ticket.id), ticket);
    await adjustStationLoad(tx, ticket.stationId, Number(openTicketStatuses.includes(ticket.status)));
    if (ticket.status !== 'held') await printTicket(tx, ticket, 'ticket', at);
    events.push({ type: 'kitchen_order.created', orderId: order.id, kitchenOrderId: ticket.id, stationId: ticket.stationId });
  }
  return { contract, events };
}

/** Marks the previous contract version as superseded; it stays readable. */
export async function supersede(tx: Tx, order: Order, byVersion: number): Promise<void> {
  if (!order.contractVersion) return;
  const key = contractKey(contractId(order.id, order.contractVersion));
  const previous = await read<ProductionContract>(tx, key);
  if (previous) await write(tx, key, { ...previous, supersededBy: byVersion });
}
