import { useEffect, useState, type DependencyList } from 'react';
import type { ReadTransaction } from 'replicache';
import type { AnyReplicache } from './use-entity-map.ts';

/**
 * Subscribes a component to a replica query (like replicache-react's useSubscribe): the
 * query re-runs when the keys it read change, and the component re-renders on a new result.
 */
export function useSubscribe<R>(
  rep: AnyReplicache | null | undefined,
  query: (tx: ReadTransaction) => Promise<R>,
  initial: R,
  deps: DependencyList = [],
): R {
  const [result, setResult] = useState<R>(initial);
  useEffect(() => {
    if (!rep) return undefined;
    return rep.subscribe(query, { onData: (data) => setResult(() => data) });
  }, [rep, ...deps]);
  return result;
}
