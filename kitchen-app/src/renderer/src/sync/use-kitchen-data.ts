import { keyPrefix, type KitchenOrder, type Order, type Station } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useMemo } from 'react';
import type { StationChoice } from '../../../common/settings.ts';
import { useClock } from '../hooks/use-clock.ts';
import { allDayCounts, type AllDayCount } from '../model/all-day.ts';
import { railTickets, sortRail } from '../model/rail.ts';
import { recentlyBumped } from '../model/recently-bumped.ts';
import { useEntityMap } from './use-entity-map.ts';

export interface KitchenData {
  readonly rail: KitchenOrder[];
  readonly bumped: KitchenOrder[];
  readonly allDay: AllDayCount[];
  readonly stations: Station[];
  readonly ticketById: (id: string) => KitchenOrder | undefined;
  readonly stationName: (id: string) => string;
  readonly customerName: (orderId: string) => string | undefined;
}

/** Priority ages in five-minute steps, so re-sorting twice a minute is plenty. */
const sortClockMs = 30_000;

/** The replica, shaped for the kitchen screen. */
export function useKitchenData(rep: KitchenReplicache, choice: StationChoice): KitchenData {
  const tickets = useEntityMap<KitchenOrder>(rep, keyPrefix.kitchenOrder);
  const stationMap = useEntityMap<Station>(rep, keyPrefix.station);
  const orders = useEntityMap<Order>(rep, keyPrefix.order);
  const now = useClock(sortClockMs);

  const rail = useMemo(() => sortRail(railTickets(tickets.values(), choice), now), [tickets, choice, now]);
  const bumped = useMemo(() => recentlyBumped(tickets.values(), now), [tickets, now]);
  const allDay = useMemo(() => allDayCounts(rail), [rail]);
  const stations = useMemo(() => [...stationMap.values()].sort((a, b) => a.name.localeCompare(b.name)), [stationMap]);
  return useMemo(
    () => ({
      rail,
      bumped,
      allDay,
      stations,
      ticketById: (id: string) => tickets.get(`${keyPrefix.kitchenOrder}${id}`),
      stationName: (id: string) => stationMap.get(`${keyPrefix.station}${id}`)?.name ?? id,
      customerName: (orderId: string) => orders.get(`${keyPrefix.order}${orderId}`)?.customer.name,
    }),
    [rail, bumped, allDay, stations, tickets, stationMap, orders],
  );
}
