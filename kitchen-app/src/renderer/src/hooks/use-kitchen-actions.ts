import { isDomainError, itemMachine, type ItemStatus, type KitchenOrder } from '@kitchensync/shared';
import type { KitchenReplicache } from '@kitchensync/sync-client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { markBump } from '../perf/bump-marks.ts';

export interface KitchenActions {
  setItem(ticket: KitchenOrder, itemId: string, status: ItemStatus): void;
  bump(ticket: KitchenOrder): void;
  recall(ticket: KitchenOrder): void;
  fireCourse(orderId: string, course: number): void;
  handOff(orderId: string): void;
  setSoldOut(productId: string, soldOut: boolean): void;
  setRush(orderId: string, rush: boolean): void;
}

/** How long a notice ("nothing done: …") stays in the header. */
const noticeMs = 6000;

/**
 * The cook's moves as mutations. They apply locally at once (offline too) and sync later; a
 * move the local replica already refuses shows as a short-lived notice instead, as does
 * anything the screen wants to tell the cook (`say`).
 */
export function useKitchenActions(rep: KitchenReplicache): { actions: KitchenActions; notice: string | undefined; say: (text: string) => void } {
  const [notice, setNotice] = useState<{ text: string; at: number }>();
  const say = useCallback((text: string) => setNotice({ text, at: Date.now() }), []);
  useEffect(() => {
    if (!notice) return undefined;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? undefined : n)), noticeMs);
    return () => clearTimeout(timer);
  }, [notice]);
  const actions = useMemo<KitchenActions>(() => {
    const run = (what: string, p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (err: unknown) => say(`${what}: ${isDomainError(err) ? err.message : String(err)}`),
      );
    const at = () => Date.now();
    return {
      setItem: (ticket, itemId, status) => {
        // The screen offers a move from the item's status as shown; the mutation carries that event.
        const from = ticket.items.find((i) => i.id === itemId)?.status ?? 'pending';
        const event = itemMachine.eventFor(from, status, {});
        if (event) void run('Item', rep.mutate.moveKitchenItem({ kitchenOrderId: ticket.id, itemId, event, at: at() }));
      },
      bump: (ticket) => {
        markBump('key');
        void run('Bump', rep.mutate.bumpKitchenOrder({ kitchenOrderId: ticket.id, at: at() }));
      },
      recall: (ticket) => void run('Recall', rep.mutate.recallKitchenOrder({ kitchenOrderId: ticket.id, at: at() })),
      fireCourse: (orderId, course) => void run('Fire', rep.mutate.fireCourse({ orderId, course, at: at() })),
      handOff: (orderId) => {
        markBump('key');
        void run('Hand-off', rep.mutate.handOffOrder({ orderId, at: at() }));
      },
      setSoldOut: (productId, soldOut) => void run('86', rep.mutate.setProductSoldOut({ productId, soldOut, at: at() })),
      setRush: (orderId, rush) => void run('Rush', rep.mutate.setOrderRush({ orderId, rush, at: at() })),
    };
  }, [rep, say]);
  return { actions, notice: notice?.text, say };
}
