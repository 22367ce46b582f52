import type { Order, OrderStatus } from '@kitchensync/shared';
import { useCallback, useState } from 'react';
import { useSyncClient } from '@kitchensync/sync-client/react';

/**
 * The manager's order actions. Each applies at once to the local replica (optimistic); if the
 * server later refuses, its rejection entry brings the order back and a notice says why. A
 * refusal already known locally (the mutate call rejects) is reported here.
 */
export function useOrderCommands() {
  const { rep } = useSyncClient();
  const [error, setError] = useState<string>();
  const guard = useCallback((p: Promise<unknown>) => {
    setError(undefined);
    p.catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  const move = useCallback(
    (order: Pick<Order, 'id'>, to: OrderStatus) =>
      guard(
        to === 'confirmed'
          ? rep.mutate.confirmOrder({ orderId: order.id, at: Date.now() })
          : rep.mutate.setOrderStatus({ orderId: order.id, status: to, at: Date.now() }),
      ),
    [rep, guard],
  );
  const cancel = useCallback(
    (order: Pick<Order, 'id'>, reason: string) =>
      guard(rep.mutate.cancelOrder({ orderId: order.id, at: Date.now(), ...(reason.trim() ? { reason: reason.trim() } : {}) })),
    [rep, guard],
  );
  const reissue = useCallback((order: Pick<Order, 'id'>) => guard(rep.mutate.reissueContract({ orderId: order.id, at: Date.now() })), [rep, guard]);
  const fireCourse = useCallback(
    (order: Pick<Order, 'id'>, course: number) => guard(rep.mutate.fireCourse({ orderId: order.id, course, at: Date.now() })),
    [rep, guard],
  );
  const setRush = useCallback(
    (order: Pick<Order, 'id'>, rush: boolean) => guard(rep.mutate.setOrderRush({ orderId: order.id, rush, at: Date.now() })),
    [rep, guard],
  );
  return { move, cancel, reissue, fireCourse, setRush, error, clearError: () => setError(undefined) };
}
