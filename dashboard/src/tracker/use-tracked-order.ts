import { keyPrefix, orderSchema, type Order } from '@kitchensync/shared';
import { createSyncClient, type SyncClient, type SyncHealth } from '@kitchensync/sync-client';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { config } from '../config.ts';
import { useSettled } from '../sync/use-settled.ts';

export type TrackedState =
  | { readonly kind: 'loading'; readonly health: SyncHealth | undefined }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'order'; readonly order: Order; readonly health: SyncHealth };

/** Tracking tokens are URL-safe bearer tokens; anything else is not worth asking the server about. */
export const plausibleToken = (token: string) => /^[A-Za-z0-9_-]{16,512}$/.test(token);

/** A pulled view must settle this long without its one order before the link is called bad. */
const settleMs = 1500;

/**
 * A pull-only replica for one tracking token. It is kept in memory, not IndexedDB, so a revoked
 * link never shows what an earlier visit saw; it never mutates (the server would refuse anyway).
 */
function useTrackerClient(token: string): SyncClient | undefined {
  const [client, setClient] = useState<SyncClient>();
  useEffect(() => {
    if (!plausibleToken(token)) return undefined;
    const c = createSyncClient({ serverUrl: config.serverUrl, token, kvStore: 'mem', pullIntervalMs: 30_000 });
    setClient(c);
    return () => {
      setClient(undefined);
      void c.close();
    };
  }, [token]);
  return client;
}

function useHealth(client: SyncClient | undefined): SyncHealth | undefined {
  const subscribe = useCallback((cb: () => void) => (client ? client.health.subscribe(cb) : () => undefined), [client]);
  return useSyncExternalStore(subscribe, () => client?.health.get());
}

function useOrdersOf(client: SyncClient | undefined): Order[] | undefined {
  const [orders, setOrders] = useState<Order[]>();
  useEffect(() => {
    setOrders(undefined);
    if (!client) return undefined;
    return client.rep.subscribe(
      async (tx) =>
        (await tx.scan({ prefix: keyPrefix.order }).values().toArray()).flatMap((v) => {
          const parsed = orderSchema.safeParse(v);
          return parsed.success ? [parsed.data] : [];
        }),
      { onData: setOrders },
    );
  }, [client]);
  return orders;
}

/** The one order a tracking link shows, or why there is none. */
export function useTrackedOrder(token: string): TrackedState {
  const client = useTrackerClient(token);
  const health = useHealth(client);
  const orders = useOrdersOf(client);
  // Latched: closing the client afterwards reports "disconnected", which must not undo the verdict.
  const [refusedClient, setRefusedClient] = useState<SyncClient>();
  const refused = client !== undefined && (refusedClient === client || health?.connection === 'auth-error');
  useEffect(() => {
    if (!refused || !client || refusedClient === client) return;
    setRefusedClient(client);
    // A refused token gets no more requests.
    void client.close();
  }, [refused, client, refusedClient]);
  // A tracking token's view is exactly one order; a pulled view without it is not a tracking link.
  const wrongView = useSettled(health?.lastPullAt !== undefined && orders !== undefined && orders.length !== 1, settleMs);

  if (!plausibleToken(token) || refused || wrongView) return { kind: 'invalid' };
  const order = orders?.length === 1 ? orders[0] : undefined;
  if (order && health) return { kind: 'order', order, health };
  return { kind: 'loading', health };
}
