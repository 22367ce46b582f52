import type { KitchenOrder } from '@kitchensync/shared';
import { useEffect, useRef, useState } from 'react';
import { noArrivals, observeArrivals, type Arrivals } from '../model/arrivals.ts';
import { useChime } from './use-chime.ts';

/**
 * Notes which tickets are new since the screen opened, chiming for each batch. `synced` turns
 * true once the first pull has landed: what came with it was already waiting, not new.
 */
export function useArrivals(rail: readonly KitchenOrder[], synced: boolean, chime: boolean): Arrivals {
  const [arrivals, setArrivals] = useState<Arrivals>(noArrivals);
  const ref = useRef(arrivals);
  const play = useChime(chime);
  useEffect(() => {
    if (!synced) return;
    const { next, added } = observeArrivals(ref.current, rail.map((t) => t.id), Date.now());
    if (next === ref.current) return;
    ref.current = next;
    setArrivals(next);
    if (added.length > 0) play();
  }, [rail, synced, play]);
  return arrivals;
}
