import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEffect, useState } from 'react';

/**
 * Every entity under a key prefix, kept up to date from Replicache's diffs: unchanged entities
 * keep their object identity, so memoised cards skip re-rendering.
 */
export function useEntityMap<T>(rep: KitchenReplicache, prefix: string): ReadonlyMap<string, T> {
  const [map, setMap] = useState<ReadonlyMap<string, T>>(() => new Map());
  useEffect(() => {
    setMap(new Map());
    return rep.experimentalWatch(
      (diff) =>
        setMap((prev) => {
          const next = new Map(prev);
          for (const op of diff) {
            if (op.op === 'del') next.delete(op.key);
            else next.set(op.key, op.newValue as T);
          }
          return next;
        }),
      { prefix, initialValuesInDiff: true },
    );
  }, [rep, prefix]);
  return map;
}
