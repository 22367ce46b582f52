import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useEffect, useState } from 'react';
import { watchEntities } from './watch-entities.ts';

export interface EntityMap<T> {
  readonly map: ReadonlyMap<string, T>;
  /** False until the replica has been read once (so "not found" is not said too early). */
  readonly loaded: boolean;
}

/** Every entity under a key prefix, keyed by id and kept current from the replica. */
export function useEntityMap<T>(rep: KitchenReplicache, prefix: string): EntityMap<T> {
  const [state, setState] = useState<EntityMap<T>>({ map: new Map(), loaded: false });
  useEffect(() => {
    setState({ map: new Map(), loaded: false });
    return watchEntities<T>(rep, prefix, (map) => setState({ map, loaded: true }));
  }, [rep, prefix]);
  return state;
}
