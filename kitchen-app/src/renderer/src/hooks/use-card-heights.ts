import type { KitchenOrder } from '@kitchensync/shared';
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { estimateChrome, estimateItem } from '../model/card-height.ts';
import type { CardHeights } from '../model/rail-layout.ts';

interface Measured {
  width: number;
  chrome: Map<string, number>;
  items: Map<string, number>;
  /** Heights per ticket object (unchanged tickets keep theirs), until a measurement changes. */
  cards: WeakMap<KitchenOrder, CardHeights>;
}

const fresh = (width: number): Measured => ({ width, chrome: new Map(), items: new Map(), cards: new WeakMap() });

/**
 * Card heights for the rail's layout: measured by the browser for every card it has shown,
 * estimated for the rest. After each commit the shown cards are measured; a height that grew
 * lays the rail out again before the frame is painted, so a column never runs off the screen.
 */
export function useCardHeights(gridRef: RefObject<HTMLElement | null>, columnWidth: number) {
  const measured = useRef<Measured>(fresh(columnWidth));
  const [version, setVersion] = useState(0);
  // Cards that rendered since the last measuring (a memoised card that did not render kept its
  // height); every card when the column width changed, which changes heights without a render.
  const rendered = useRef(new Set<HTMLElement>());
  const measureAll = useRef(true);
  if (measured.current.width !== columnWidth) {
    measured.current = fresh(columnWidth);
    measureAll.current = true;
  }
  const cardRendered = useCallback((card: HTMLElement) => void rendered.current.add(card), []);

  const heightsOf = (t: KitchenOrder): CardHeights => {
    const m = measured.current;
    let h = m.cards.get(t);
    if (!h) {
      h = {
        chrome: m.chrome.get(t.id) ?? estimateChrome(t, columnWidth),
        items: t.items.map((i) => m.items.get(`${t.id}/${i.id}`) ?? estimateItem(i, columnWidth)),
      };
      m.cards.set(t, h);
    }
    return h;
  };

  // After every commit: a new page, a moved selection or a changed ticket may show cards not measured yet.
  // Only the cards that rendered are read: reading every card's rows was most of a bump's commit.
  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid) return;
    const cards = measureAll.current ? [...grid.querySelectorAll<HTMLElement>('article.ticket')] : [...rendered.current].filter((c) => c.isConnected);
    rendered.current.clear();
    measureAll.current = false;
    const m = measured.current;
    let changed = false;
    // Heights only grow: a card's parts differ (the "1/2" badge or the bump button can wrap its
    // header), and a height that shrank when a ticket split or joined could flip the layout back
    // and forth forever. The largest seen fits every part; the cost is a few px of slack.
    const note = (map: Map<string, number>, key: string, px: number) => {
      if (px <= (map.get(key) ?? -100) + 1) return;
      map.set(key, px);
      changed = true;
    };
    for (const card of cards) {
      const id = card.dataset['ticketId'];
      if (!id) continue;
      // Rows and markers sit without gaps (styles.css), so the card is chrome + rows + markers.
      let rest = card.offsetHeight;
      for (const row of card.querySelectorAll<HTMLElement>('li.item')) {
        rest -= row.offsetHeight;
        note(m.items, `${id}/${row.dataset['itemId']}`, row.offsetHeight);
      }
      for (const marker of card.querySelectorAll<HTMLElement>('.ticket__continued')) rest -= marker.offsetHeight;
      note(m.chrome, id, rest);
    }
    if (!changed) return;
    m.cards = new WeakMap();
    setVersion((v) => v + 1);
  });

  /** `version` changes whenever a measurement did: lay out again. Each card calls `cardRendered` from its own layout effect. */
  return { heightsOf, version, cardRendered };
}
