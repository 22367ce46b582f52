import type { KitchenOrder } from '@kitchensync/shared';
import { useEffect, useRef } from 'react';
import { voidKey, voidOf } from '../model/void-cards.ts';

/** Sounds the void alarm once for each void card that appears (again after a reload, until acknowledged). */
export function useVoidAlarm(voids: readonly KitchenOrder[], alarm: () => void): void {
  const sounded = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const keys = new Set<string>();
    for (const t of voids) {
      const closed = voidOf(t);
      if (closed) keys.add(voidKey(t, closed));
    }
    for (const key of keys) if (!sounded.current.has(key)) alarm();
    sounded.current = keys;
  }, [voids, alarm]);
}
