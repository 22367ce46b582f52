import type { KitchenOrder } from '@kitchensync/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearArrival, noArrivals, observeArrivals, type Arrivals } from '../model/arrivals.ts';

/**
 * Notes which tickets arrive while the screen is open, calling `onArrival` once per arrival.
 * `synced` turns true once the first pull has landed: what came with it was already waiting.
 */
export function useArrivals(active: readonly KitchenOrder[], synced: boolean, onArrival: () => void): { arrivals: Arrivals; clear: (id: string) => void } {
  const [arrivals, setArrivals] = useState<Arrivals>(noArrivals);
  const ref = useRef(arrivals);
  const [openedAt] = useState(() => Date.now());
  useEffect(() => {
    if (!synced) return;
    const { next, added } = observeArrivals(ref.current, active, Date.now(), openedAt);
    if (next === ref.current) return;
    ref.current = next;
    setArrivals(next);
    for (let i = 0; i < added.length; i++) onArrival();
  }, [active, synced, onArrival, openedAt]);
  const clear = useCallback((id: string) => {
    const next = clearArrival(ref.current, id);
    if (next === ref.current) return;
    ref.current = next;
    setArrivals(next);
  }, []);
  return { arrivals, clear };
}
