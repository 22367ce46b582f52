import type { SyncClient } from '@kitchensync/sync-client';
import { useMemo, useSyncExternalStore } from 'react';

/** Tickets touched by a change of ours the server has not accepted yet. */
export function useUnconfirmedTickets(client: Pick<SyncClient, 'pending'>): ReadonlySet<string> {
  const pending = useSyncExternalStore(client.pending.subscribe, client.pending.get);
  return useMemo(() => {
    const ids = new Set<string>();
    for (const m of pending) {
      const id = (m.args as { kitchenOrderId?: unknown } | null)?.kitchenOrderId;
      if (typeof id === 'string') ids.add(id);
    }
    return ids;
  }, [pending]);
}
