import { keyPrefix, type KitchenOrder, type Order } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useMemo } from 'react';
import { expoOrders, type ExpoOrder } from '../model/expo.ts';
import { useEntityMap } from './use-entity-map.ts';

/** Expo's orders from the replica; only subscribed while expo is shown (`enabled`). */
export function useExpoOrders(rep: KitchenReplicache, tickets: ReadonlyMap<string, KitchenOrder>, enabled: boolean): ExpoOrder[] {
  const orders = useEntityMap<Order>(rep, enabled ? keyPrefix.order : undefined);
  return useMemo(
    () => (enabled ? expoOrders(tickets.values(), (id) => orders.get(`${keyPrefix.order}${id}`)) : []),
    [enabled, tickets, orders],
  );
}
