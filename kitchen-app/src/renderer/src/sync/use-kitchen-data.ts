import { keyPrefix, type KitchenOrder, type Order, type Product, type Station } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useSubscribe } from '@kitchensync/sync-client/react';
import type { ReadTransaction } from 'replicache';
import { useMemo } from 'react';
import type { StationChoice } from '../../../common/settings.ts';
import { useClock } from '../hooks/use-clock.ts';
import { allDayCounts, type AllDayCount } from '../model/all-day.ts';
import { heldTickets, railTickets, sortRail } from '../model/rail.ts';
import { recentlyBumped } from '../model/recently-bumped.ts';
import { defaultThresholds, thresholdsOf, type Thresholds } from '../model/ticket-facts.ts';
import { useEntityMap } from './use-entity-map.ts';

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
}

export type StationLabel = Pick<Station, 'id' | 'name' | 'type'> & { readonly thresholds: Thresholds };
export type ProductLabel = Pick<Product, 'id' | 'name' | 'stationType'> & { readonly soldOut: boolean };

// Derived queries: Replicache re-runs them on change but only re-renders when the result differs,
// so an order's status change or a station's load change does not redraw the screen.
async function customerNames(tx: ReadTransaction): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  for (const o of (await tx.scan({ prefix: keyPrefix.order }).values().toArray()) as unknown as Order[]) names[o.id] = o.customer.name;
  return names;
}

async function stationLabels(tx: ReadTransaction): Promise<StationLabel[]> {
  const stations = (await tx.scan({ prefix: keyPrefix.station }).values().toArray()) as unknown as Station[];
  return stations.map((s) => ({ id: s.id, name: s.name, type: s.type, thresholds: thresholdsOf(s) })).sort((a, b) => a.name.localeCompare(b.name));
}

async function productLabels(tx: ReadTransaction): Promise<ProductLabel[]> {
  const products = (await tx.scan({ prefix: keyPrefix.product }).values().toArray()) as unknown as Product[];
  return products
    .filter((p) => p.active)
    .map((p) => ({ id: p.id, name: p.name, stationType: p.stationType, soldOut: p.soldOut === true }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Priority ages in five-minute steps, so re-sorting twice a minute is plenty. */
const sortClockMs = 30_000;

/** The replica, shaped for the kitchen screen. */
export function useKitchenData(rep: KitchenReplicache, choice: StationChoice): KitchenData {
  const tickets = useEntityMap<KitchenOrder>(rep, keyPrefix.kitchenOrder);
  const stations = useSubscribe(rep, stationLabels, [], [rep]);
  const products = useSubscribe(rep, productLabels, [], [rep]);
  const names = useSubscribe(rep, customerNames, {}, [rep]);
  const now = useClock(sortClockMs);

  const active = useMemo(() => sortRail(railTickets(tickets.values(), choice), now), [tickets, choice, now]);
  const held = useMemo(() => heldTickets(tickets.values(), choice), [tickets, choice]);
  const bumped = useMemo(() => recentlyBumped(tickets.values(), now), [tickets, now]);
  const allDay = useMemo(() => allDayCounts(active), [active]);
  return useMemo(
    () => ({
      active,
      held,
      tickets,
      bumped,
      allDay,
      stations,
      products,
      ticketById: (id: string) => tickets.get(`${keyPrefix.kitchenOrder}${id}`),
      stationName: (id: string) => stations.find((s) => s.id === id)?.name ?? id,
      thresholdsOf: (id: string) => stations.find((s) => s.id === id)?.thresholds ?? defaultThresholds,
      customerName: (orderId: string) => names[orderId],
    }),
    [active, held, tickets, bumped, allDay, stations, products, names],
  );
}
