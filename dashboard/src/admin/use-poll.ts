import { useCallback, useEffect, useRef, useState } from 'react';

export interface Poll<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly reload: () => void;
}

/** Loads now and every `everyMs` (REST data the replica does not hold), with a manual reload. */
export function usePoll<T>(load: () => Promise<T>, everyMs: number, key: string): Poll<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const loadRef = useRef(load);
  loadRef.current = load;
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    setData(undefined);
    setError(undefined);
  }, [key]);
  useEffect(() => {
    let live = true;
    const run = () =>
      loadRef.current().then(
        (d) => {
          if (!live) return;
          setData(d);
          setError(undefined);
        },
        (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
      );
    void run();
    const id = everyMs > 0 ? setInterval(() => void run(), everyMs) : undefined;
    return () => {
      live = false;
      if (id) clearInterval(id);
    };
  }, [everyMs, key, tick]);
  return { data, error, reload };
}
