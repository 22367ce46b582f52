import type { ReadonlyJSONValue, Replicache } from 'replicache';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any mutator set will do for reading
type AnyReplicache = Replicache<any>;

/**
 * Calls `onChange` with every entity under `prefix` (by id) now and after every change. The first
 * call carries what the replica already holds (Replicache's `initialValuesInFirstDiff`), so a
 * reload that reads a persisted replica shows its data before any pull; later calls apply diffs,
 * so unchanged entities keep their identity.
 */
export function watchEntities<T>(rep: AnyReplicache, prefix: string, onChange: (map: ReadonlyMap<string, T>) => void): () => void {
  let map = new Map<string, T>();
  return rep.experimentalWatch(
    (diff) => {
      map = new Map(map);
      for (const op of diff) {
        const id = op.key.slice(prefix.length);
        if (op.op === 'del') map.delete(id);
        else map.set(id, op.newValue as ReadonlyJSONValue as T);
      }
      onChange(map);
    },
    { prefix, initialValuesInFirstDiff: true },
  );
}
