import { useEffect, useState } from 'react';
import { watchEntities, type AnyReplicache } from '../watch-entities.ts';

export interface EntityMap<T> {
  /** By id (the replica key without its prefix). */
  readonly map: ReadonlyMap<string, T>;
  /** False until the replica has been read once (so "not found" is not said too early). */
  readonly loaded: boolean;
}

const nothing: EntityMap<never> = { map: new Map<string, never>(), loaded: false };

/** Every entity under a key prefix, kept current from the replica; no prefix: nothing wanted (yet), no subscription. */
export function useEntityMap<T>(rep: AnyReplicache, prefix: string | undefined): EntityMap<T> {
  const [state, setState] = useState<EntityMap<T>>(nothing);
  useEffect(() => {
    setState(nothing);
    if (prefix === undefined) return undefined;
    return watchEntities<T>(rep, prefix, (map) => setState({ map, loaded: true }));
  }, [rep, prefix]);
  return state;
}
