import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEffect, useState } from 'react';

export interface EntityMap<T> {
  readonly map: ReadonlyMap<string, T>;
  /** False until the replica has been read once (so "not found" is not said too early). */
  readonly loaded: boolean;
}

/**
 * Every entity under a key prefix, keyed by id and kept current from Replicache's diffs:
 * unchanged entities keep their identity, so memoised rows skip re-rendering.
 */
export function useEntityMap<T>(rep: KitchenReplicache, prefix: string): EntityMap<T> {
  const [state, setState] = useState<EntityMap<T>>({ map: new Map(), loaded: false });
  useEffect(() => {
    setState({ map: new Map(), loaded: false });
    const stop = rep.experimentalWatch(
      (diff) =>
        setState((prev) => {
          const next = new Map(prev.map);
          for (const op of diff) {
            const id = op.key.slice(prefix.length);
            if (op.op === 'del') next.delete(id);
            else next.set(id, op.newValue as T);
          }
          return { map: next, loaded: true };
        }),
      { prefix, initialValuesInDiff: true },
    );
    // An empty prefix produces no initial diff: mark it loaded once the replica answers a read.
    void rep
      .query((tx) => tx.scan({ prefix, limit: 1 }).keys().toArray())
      .then((keys) => {
        if (keys.length === 0) setState((prev) => (prev.loaded ? prev : { ...prev, loaded: true }));
      })
      .catch(() => undefined);
    return stop;
  }, [rep, prefix]);
  return state;
}
