import { keyPrefix, type KitchenOrder, type Order } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEntityMap } from '@kitchensync/sync-client/react';
import { useMemo, useState } from 'react';
import { expoOrdersKeepingCards, type ExpoOrder } from '../model/expo.ts';

/** Expo's orders from the replica; only subscribed while expo is shown (`enabled`). */
export function useExpoOrders(rep: KitchenReplicache, tickets: ReadonlyMap<string, KitchenOrder>, enabled: boolean): ExpoOrder[] {
  const orders = useEntityMap<Order>(rep, enabled ? keyPrefix.order : undefined).map;
  const [expoOrders] = useState(expoOrdersKeepingCards);
  return useMemo(
    () => (enabled ? expoOrders(tickets.values(), (id) => orders.get(id)) : []),
    [expoOrders, enabled, tickets, orders],
  );
}
