import { useEffect, useState } from 'react';
import type { ReadonlyJSONValue, Replicache } from 'replicache';

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

/** Either face of Replicache (the class or the implementation it wraps): readers only subscribe. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any mutator set will do for reading
export type AnyReplicache = Pick<Replicache<any>, 'subscribe'>;

/**
 * Calls `onChange` with every entity under `prefix` (by id, the key without its prefix) now and
 * after every change. A Replicache subscription, not `experimentalWatch` with
 * `initialValuesInFirstDiff`: the watch can miss a pull that lands while it is being set up,
 * leaving a screen empty until the next change (the kitchen display saw it), while a subscription
 * always answers with the replica as it is. Entities whose value did not change keep their
 * identity, so memoised rows and cards skip re-rendering.
 */
export function watchEntities<T>(rep: AnyReplicache, prefix: string, onChange: (map: ReadonlyMap<string, T>) => void): () => void {
  let map = new Map<string, T>();
  return rep.subscribe(async (tx) => tx.scan({ prefix }).entries().toArray(), {
    onData: (entries) => {
      const next = new Map<string, T>();
      for (const [key, value] of entries) {
        const id = key.slice(prefix.length);
        const old = map.get(id);
        next.set(id, old !== undefined && sameJson(old, value) ? old : (value as ReadonlyJSONValue as T));
      }
      map = next;
      onChange(map);
    },
    // Every change counts; unchanged entities are recognised above, one by one.
    isEqual: () => false,
  });
}

/** Kitchen entities stamp `updatedAt` on every change; others are compared in full. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ua = (a as { updatedAt?: unknown }).updatedAt;
  const ub = (b as { updatedAt?: unknown }).updatedAt;
  if (ua !== undefined && ua !== ub) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
