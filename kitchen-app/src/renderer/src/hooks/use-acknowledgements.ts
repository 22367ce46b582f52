import type { KitchenOrder } from '@kitchensync/shared';
import { useCallback, useState } from 'react';
import { voidKey, voidOf } from '../model/void-cards.ts';

const voidStorageKey = 'kitchensync.kitchen.voidAcks';
const keepVoidAcks = 500;

function loadVoidAcks(): ReadonlySet<string> {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(voidStorageKey) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

function saveVoidAcks(acks: ReadonlySet<string>): void {
  try {
    localStorage.setItem(voidStorageKey, JSON.stringify([...acks].slice(-keepVoidAcks)));
  } catch {
    // Storage unavailable: the acknowledgement still holds until the screen reloads.
  }
}

export interface Acknowledgements {
  /** Guest-allergy tickets acknowledged on this screen (a reload locks them again: safer). */
  readonly allergies: ReadonlySet<string>;
  /** Voids acknowledged on this screen; remembered across reloads so a void is not raised twice. */
  readonly voids: ReadonlySet<string>;
  /** A cook's "a" or button on a card: the void when it shows one, else its guest allergy. */
  acknowledge(ticket: KitchenOrder): void;
}

/** What cooks acknowledged on this screen: local UI state, not synced (each screen must see it). */
export function useAcknowledgements(): Acknowledgements {
  const [allergies, setAllergies] = useState<ReadonlySet<string>>(() => new Set());
  const [voids, setVoids] = useState<ReadonlySet<string>>(loadVoidAcks);
  const acknowledge = useCallback((ticket: KitchenOrder) => {
    const closed = voidOf(ticket);
    if (closed) {
      setVoids((s) => {
        const next = new Set(s).add(voidKey(ticket, closed));
        saveVoidAcks(next);
        return next;
      });
      return;
    }
    setAllergies((s) => (s.has(ticket.id) ? s : new Set(s).add(ticket.id)));
  }, []);
  return { allergies, voids, acknowledge };
}
