import { keyPrefix, type KitchenOrder, type Order } from '@kitchensync/shared';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useLayoutEffect, useMemo } from 'react';
import type { KitchenActions } from '../hooks/use-kitchen-actions.ts';
import { expoOrders } from '../model/expo.ts';
import { railCommitted } from '../perf/bump-marks.ts';
import { useEntityMap } from '../sync/use-entity-map.ts';
import { ExpoCard } from './expo-card.tsx';

export interface ExpoBoardProps {
  readonly tickets: ReadonlyMap<string, KitchenOrder>;
  readonly stationName: (id: string) => string;
  readonly actions: Pick<KitchenActions, 'fireCourse' | 'handOff'>;
}

/** Expo: one card per order, each station's progress, "all in" and the hand-off. */
export function ExpoBoard({ tickets, stationName, actions }: ExpoBoardProps) {
  const orders = useEntityMap<Order>(useSyncClient().rep, keyPrefix.order);
  const list = useMemo(() => expoOrders(tickets.values(), (id) => orders.get(`${keyPrefix.order}${id}`)), [tickets, orders]);
  useLayoutEffect(railCommitted, [list]);
  return (
    <section className="expo" aria-label="Expo: orders at the pass">
      {list.length === 0 && <div className="rail__empty">Nothing on the pass.</div>}
      <div className="expo__grid">
        {list.map((o) => (
          <ExpoCard
            key={o.orderId}
            order={o}
            customer={orders.get(`${keyPrefix.order}${o.orderId}`)?.customer.name}
            stationName={stationName}
            onFire={actions.fireCourse}
            onHandOff={actions.handOff}
          />
        ))}
      </div>
    </section>
  );
}
