import type { KitchenOrder } from '@kitchensync/shared';
import { useEffect, useRef } from 'react';

/** Sounds the void alarm once for each void card that appears (again after a reload, until acknowledged). */
export function useVoidAlarm(voids: readonly KitchenOrder[], alarm: () => void): void {
  const sounded = useRef<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const ids = new Set(voids.map((t) => `${t.id}@${t.updatedAt}`));
    for (const id of ids) if (!sounded.current.has(id)) alarm();
    sounded.current = ids;
  }, [voids, alarm]);
}
