import { keyPrefix, type KitchenOrder, type Order, type Product, type Station } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEntityMap, useSubscribe } from '@kitchensync/sync-client/react';
import type { ReadTransaction } from 'replicache';
import { useCallback, useMemo } from 'react';
import type { StationChoice } from '../../../common/settings.ts';
import { useClock } from '../hooks/use-clock.ts';
import { allDayCounts, type AllDayCount } from '../model/all-day.ts';
import { heldTickets, railTickets, sortRail } from '../model/rail.ts';
import { recentlyBumped } from '../model/recently-bumped.ts';
import { soldOutFor } from '../model/sold-out.ts';
import { defaultThresholds, thresholdsOf, type Thresholds } from '../model/ticket-facts.ts';

export interface KitchenData {
  /** Tickets cooks work on, in rail order. */
  readonly active: KitchenOrder[];
  /** Later courses waiting to be fired. */
  readonly held: KitchenOrder[];
  readonly tickets: ReadonlyMap<string, KitchenOrder>;
  readonly bumped: KitchenOrder[];
  readonly allDay: AllDayCount[];
  readonly stations: StationLabel[];
  readonly products: ProductLabel[];
  readonly ticketById: (id: string) => KitchenOrder | undefined;
  readonly stationName: (id: string) => string;
  readonly thresholdsOf: (stationId: string) => Thresholds;
  readonly customerName: (orderId: string) => string | undefined;
  readonly isRush: (orderId: string) => boolean;
}

export type StationLabel = Pick<Station, 'id' | 'name' | 'type'> & { readonly thresholds: Thresholds };
export type ProductLabel = Pick<Product, 'id' | 'name' | 'stationType'> & { readonly soldOut: boolean; readonly outOptions: readonly { id: string; name: string }[] };

// Derived queries: Replicache re-runs them on change but only re-renders when the result differs,
// so an order's status change or a station's load change does not redraw the screen.
interface OrderFacts {
  readonly names: Record<string, string>;
  /** Orders flagged RUSH. */
  readonly rushed: string[];
}

async function orderFacts(tx: ReadTransaction): Promise<OrderFacts> {
  const names: Record<string, string> = {};
  const rushed: string[] = [];
  for (const o of (await tx.scan({ prefix: keyPrefix.order }).values().toArray()) as unknown as Order[]) {
    names[o.id] = o.customer.name;
    if (o.rush) rushed.push(o.id);
  }
  return { names, rushed };
}

async function stationLabels(tx: ReadTransaction): Promise<StationLabel[]> {
  const stations = (await tx.scan({ prefix: keyPrefix.station }).values().toArray()) as unknown as Station[];
  return stations.map((s) => ({ id: s.id, name: s.name, type: s.type, thresholds: thresholdsOf(s) })).sort((a, b) => a.name.localeCompare(b.name));
}

/** A product's 86'd options, each named by its group's id too (two groups may both have a "None"). */
const outOptionsOf = (p: Product) =>
  (p.modifierGroups ?? []).flatMap((g) => g.options.filter((o) => o.soldOut === true).map((o) => ({ id: `${g.id}/${o.id}`, name: o.name })));

async function productLabels(tx: ReadTransaction): Promise<ProductLabel[]> {
  const products = (await tx.scan({ prefix: keyPrefix.product }).values().toArray()) as unknown as Product[];
  return products
    .filter((p) => p.active)
    .map((p) => ({ id: p.id, name: p.name, stationType: p.stationType, soldOut: p.soldOut === true, outOptions: outOptionsOf(p) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** "Recently bumped" is a window of minutes: refreshing it twice a minute is plenty. */
const bumpedClockMs = 30_000;

/** The replica, shaped for the kitchen screen. */
export function useKitchenData(rep: KitchenReplicache, choice: StationChoice): KitchenData {
  const tickets = useEntityMap<KitchenOrder>(rep, keyPrefix.kitchenOrder).map;
  const stations = useSubscribe(rep, stationLabels, [], [rep]);
  const products = useSubscribe(rep, productLabels, [], [rep]);
  const { names, rushed } = useSubscribe(rep, orderFacts, { names: {}, rushed: [] }, [rep]);
  const now = useClock(bumpedClockMs);

  const active = useMemo(() => sortRail(railTickets(tickets.values(), choice), new Set(rushed)), [tickets, choice, rushed]);
  const held = useMemo(() => heldTickets(tickets.values(), choice), [tickets, choice]);
  const bumped = useMemo(() => recentlyBumped(tickets.values(), now), [tickets, now]);
  const allDay = useMemo(() => allDayCounts(active, new Set(soldOutFor(products, undefined).map((s) => s.id))), [active, products]);
  // Each look-up changes only with what it reads: expo's cards take them as props, and a new
  // function on every ticket change re-rendered every card on the board.
  const ticketById = useCallback((id: string) => tickets.get(id), [tickets]);
  const stationName = useCallback((id: string) => stations.find((s) => s.id === id)?.name ?? id, [stations]);
  const thresholds = useCallback((id: string) => stations.find((s) => s.id === id)?.thresholds ?? defaultThresholds, [stations]);
  const customerName = useCallback((orderId: string) => names[orderId], [names]);
  const isRush = useCallback((orderId: string) => rushed.includes(orderId), [rushed]);
  return useMemo(
    () => ({ active, held, tickets, bumped, allDay, stations, products, ticketById, stationName, thresholdsOf: thresholds, customerName, isRush }),
    [active, held, tickets, bumped, allDay, stations, products, ticketById, stationName, thresholds, customerName, isRush],
  );
}
