import type { KitchenOrder } from '@kitchensync/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { clearArrival, expireArrivals, nextExpiry, noArrivals, observeArrivals, type Arrivals } from '../model/arrivals.ts';

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
  const update = useCallback((change: (a: Arrivals) => Arrivals) => {
    const next = change(ref.current);
    if (next === ref.current) return;
    ref.current = next;
    setArrivals(next);
  }, []);
  const clear = useCallback((id: string) => update((a) => clearArrival(a, id)), [update]);
  // Badges clear on their own: wake up when the next one is due.
  useEffect(() => {
    const due = nextExpiry(arrivals);
    if (due === undefined) return undefined;
    const timer = setTimeout(() => update((a) => expireArrivals(a, Date.now())), Math.max(0, due - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [arrivals, update]);
  return { arrivals, clear };
}
