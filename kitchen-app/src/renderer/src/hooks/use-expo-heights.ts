import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Measured heights of expo's order cards (by order id), for the board's layout: the estimate
 * serves until a card has been shown, then the browser's height. Like the rail's, heights only
 * grow (no layout can flip back and forth), and a changed column width starts over.
 */
export function useExpoHeights(gridRef: RefObject<HTMLElement | null>, columnWidth: number) {
  const measured = useRef({ width: columnWidth, heights: new Map<string, number>() });
  const [version, setVersion] = useState(0);
  if (measured.current.width !== columnWidth) measured.current = { width: columnWidth, heights: new Map() };
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const { heights } = measured.current;
    let changed = false;
    for (const card of grid.querySelectorAll<HTMLElement>('article.expo-card')) {
      const id = card.dataset['orderId'];
      if (!id || card.offsetHeight <= (heights.get(id) ?? -100) + 1) continue;
      heights.set(id, card.offsetHeight);
      changed = true;
    }
    if (changed) setVersion((v) => v + 1);
  });
  return { heightOf: (orderId: string) => measured.current.heights.get(orderId), version };
}
