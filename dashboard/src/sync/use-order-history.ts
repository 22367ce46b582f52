import { useEffect, useState } from 'react';
import { fetchOrderHistory } from '../api/order-history-api.ts';

/**
 * The audit trail of an order, fetched again whenever the order changes (`version` is its
 * updatedAt); undefined until (or unless) the server answers.
 */
export function useOrderHistory(token: string, orderId: string, version: number | undefined): unknown[] | undefined {
  const [events, setEvents] = useState<unknown[]>();
  useEffect(() => {
    let live = true;
    fetchOrderHistory(token, orderId)
      .then((e) => {
        if (live && e) setEvents(e);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [token, orderId, version]);
  return events;
}
