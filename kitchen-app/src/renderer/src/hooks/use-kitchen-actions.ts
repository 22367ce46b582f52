import { isDomainError, type ItemStatus, type KitchenOrder } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useMemo, useState } from 'react';
import { markBump } from '../perf/bump-marks.ts';

export interface KitchenActions {
  setItem(ticket: KitchenOrder, itemId: string, status: ItemStatus): void;
  bump(ticket: KitchenOrder): void;
  recall(ticket: KitchenOrder): void;
}

/**
 * The cook's moves as mutations. They apply locally at once (offline too) and sync later; a
 * move the local replica already refuses shows as a short-lived error instead.
 */
export function useKitchenActions(rep: KitchenReplicache): { actions: KitchenActions; error: string | undefined } {
  const [error, setError] = useState<string>();
  const actions = useMemo<KitchenActions>(() => {
    const run = (what: string, p: Promise<unknown>) =>
      p.then(
        () => setError(undefined),
        (err: unknown) => setError(`${what}: ${isDomainError(err) ? err.message : String(err)}`),
      );
    return {
      setItem: (ticket, itemId, status) =>
        void run('Item', rep.mutate.setKitchenItemStatus({ kitchenOrderId: ticket.id, itemId, status, at: Date.now() })),
      bump: (ticket) => {
        markBump('key');
        void run('Bump', rep.mutate.bumpKitchenOrder({ kitchenOrderId: ticket.id, at: Date.now() }));
      },
      recall: (ticket) => void run('Recall', rep.mutate.recallKitchenOrder({ kitchenOrderId: ticket.id, at: Date.now() })),
    };
  }, [rep]);
  return { actions, error };
}
