import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEffect, useState } from 'react';

/**
 * Every entity under a key prefix, kept current by a Replicache subscription. Entities whose
 * value object did not change keep their identity, so memoised cards skip re-rendering.
 * (A subscription, not experimentalWatch with initialValuesInDiff: that one can miss a pull
 * that lands while the watch is being set up, leaving the screen empty.)
 */
export function useEntityMap<T>(rep: KitchenReplicache, prefix: string | undefined): ReadonlyMap<string, T> {
  const [map, setMap] = useState<ReadonlyMap<string, T>>(() => new Map());
  useEffect(() => {
    setMap(new Map());
    // No prefix: nothing wanted (yet), no subscription.
    if (prefix === undefined) return undefined;
    return rep.subscribe(async (tx) => tx.scan({ prefix }).entries().toArray(), {
      onData: (entries) =>
        setMap((prev) => {
          const next = new Map<string, T>();
          for (const [key, value] of entries) {
            const old = prev.get(key);
            next.set(key, old !== undefined && sameJson(old, value) ? old : (value as T));
          }
          return next;
        }),
      // Every change counts; unchanged entities are recognised above, per key.
      isEqual: () => false,
    });
  }, [rep, prefix]);
  return map;
}

/** Kitchen entities stamp `updatedAt` on every change; others are compared in full. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ua = (a as { updatedAt?: unknown }).updatedAt;
  const ub = (b as { updatedAt?: unknown }).updatedAt;
  if (ua !== undefined && ua !== ub) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
