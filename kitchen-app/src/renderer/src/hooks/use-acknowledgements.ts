import { useCallback, useState } from 'react';

/** Allergen tickets acknowledged on this screen (local UI state, not synced). */
export function useAcknowledgements(): [ReadonlySet<string>, (ticketId: string) => void] {
  const [acked, setAcked] = useState<ReadonlySet<string>>(() => new Set());
  const acknowledge = useCallback((id: string) => setAcked((s) => (s.has(id) ? s : new Set(s).add(id))), []);
  return [acked, acknowledge];
}
