import { keyPrefix, type KitchenOrder, type Order } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEntityMap } from '@kitchensync/sync-client/react';
import { useMemo } from 'react';
import { expoOrders, type ExpoOrder } from '../model/expo.ts';

/** Expo's orders from the replica; only subscribed while expo is shown (`enabled`). */
export function useExpoOrders(rep: KitchenReplicache, tickets: ReadonlyMap<string, KitchenOrder>, enabled: boolean): ExpoOrder[] {
  const orders = useEntityMap<Order>(rep, enabled ? keyPrefix.order : undefined).map;
  return useMemo(
    () => (enabled ? expoOrders(tickets.values(), (id) => orders.get(id)) : []),
    [enabled, tickets, orders],
  );
}
