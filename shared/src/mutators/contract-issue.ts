import { buildContract, withQueueEta } from '../contracts.ts';
import { DomainError } from '../errors.ts';
import type { DomainEvent } from '../events.ts';
import { contractId, contractKey, kitchenOrderId, kitchenOrderKey, keyPrefix, productKey } from '../keys.ts';
import type { KitchenItem, KitchenOrder, Order, Product, ProductionContract, ProductionGroup, Station } from '../schema.ts';
import { openTicketStatuses } from '../machines/kitchen-order-machine.ts';
import { assignStations, queueSeconds } from '../stations.ts';
import { list, read, readOrFail, write, type Tx } from '../tx.ts';
import { adjustStationLoad } from './transitions.ts';

async function currentProducts(tx: Tx, order: Order): Promise<Map<string, Product>> {
  const products = new Map<string, Product>();
  for (const line of order.lines) {
    products.set(line.productId, await readOrFail<Product>(tx, productKey(line.productId), `product ${line.productId}`));
  }
  return products;
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
      ...(item.notes ? { notes: item.notes } : {}),
      allergens: item.allergens,
      steps: item.steps.map((text) => ({ text, done: earlier?.status === 'done' })),
      prepSeconds: item.prepSeconds,
      ingredients: item.ingredients,
      ...(earlier?.startedAt ? { startedAt: earlier.startedAt } : {}),
      ...(earlier?.doneAt ? { doneAt: earlier.doneAt } : {}),
      ...(earlier?.consumed ? { consumed: earlier.consumed } : {}),
    };
  });
}

function ticketFor(contract: ProductionContract, group: ProductionGroup, station: Station, items: KitchenItem[]): KitchenOrder {
  const started = items.some((i) => i.status !== 'pending');
  return {
    id: kitchenOrderId(contract.id, station.id),
    orderId: contract.orderId,
    contractId: contract.id,
    contractVersion: contract.version,
    stationId: station.id,
    stationType: group.stationType,
    channel: contract.channel,
    priority: contract.priority,
    status: started ? 'in_progress' : 'queued',
    items,
    allergens: [...new Set(items.flatMap((i) => i.allergens))].sort(),
    createdAt: contract.createdAt,
    etaAt: contract.etaAt,
    updatedAt: contract.createdAt,
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
  const draft = buildContract({ order, products: await currentProducts(tx, order), version, at });
  const stations = withoutLoadOf(await list<Station>(tx, keyPrefix.station), replaced);
  const { assigned, missing } = assignStations(draft.groups.map((g) => g.stationType), stations);
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
  for (const group of contract.groups) {
    const ticket = ticketFor(contract, group, station(group.stationType), ticketItems(group, carried));
    await write(tx, kitchenOrderKey(ticket.id), ticket);
    await adjustStationLoad(tx, ticket.stationId, 1);
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
