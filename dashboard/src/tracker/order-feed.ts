import { keyPrefix, type Order } from '@kitchensync/shared';
import { connectSyncSocket, socketUrl, type ConnectionState } from '@kitchensync/sync-client';

export type FeedState =
  | { readonly kind: 'loading'; readonly online: boolean }
  | { readonly kind: 'invalid' }
  | { readonly kind: 'order'; readonly order: Order; readonly online: boolean };

type PatchOp = { op: 'clear' } | { op: 'put'; key: string; value: unknown } | { op: 'del'; key: string };
interface PullResponse {
  readonly cookie?: unknown;
  readonly patch?: readonly PatchOp[];
  readonly error?: string;
}

/** Tracking tokens are URL-safe bearer tokens; anything else is not worth asking the server about. */
export const plausibleToken = (token: string) => /^[A-Za-z0-9_-]{16,512}$/.test(token);

const randomId = () => `trk${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * A pull-only reader of one tracking token's view: Replicache's pull protocol without the library.
 * The tracker never writes, so it needs no local store, queue or mutators, and keeps nothing on the
 * device (a withdrawn link shows nothing an earlier visit saw). It pulls at once, then on every
 * poke of the sync socket and every 30 s.
 */
export function followOrder(serverUrl: string, token: string, onState: (state: FeedState) => void): () => void {
  if (!plausibleToken(token)) {
    onState({ kind: 'invalid' });
    return () => undefined;
  }
  let group = randomId();
  let cookie: unknown = null;
  let online = false;
  let stopped = false;
  let inFlight = false;
  let again = false;
  const orders = new Map<string, Order>();

  const stop = () => {
    stopped = true;
    socket.close();
    clearInterval(timer);
  };
  const refuse = () => {
    stop();
    onState({ kind: 'invalid' });
  };
  const show = (pulled: boolean) => {
    const [order, ...others] = orders.values();
    // A tracking token's view is exactly one order; a pulled view without it is not a tracking link.
    if (pulled && (!order || others.length > 0)) return refuse();
    onState(order ? { kind: 'order', order, online } : { kind: 'loading', online });
  };

  const pullOnce = async (): Promise<void> => {
    const res = await fetch(`${serverUrl}/api/replicache/pull`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ pullVersion: 1, schemaVersion: '1', clientGroupID: group, cookie }),
    });
    if (res.status === 401 || res.status === 403) return refuse();
    if (!res.ok || stopped) return;
    const body = (await res.json()) as PullResponse;
    if (body.error === 'ClientStateNotFound') {
      group = randomId();
      cookie = null;
      return pullOnce();
    }
    for (const op of body.patch ?? []) {
      if (op.op === 'clear') orders.clear();
      else if (!op.key.startsWith(keyPrefix.order)) continue;
      else if (op.op === 'put') orders.set(op.key, op.value as Order);
      else orders.delete(op.key);
    }
    cookie = body.cookie ?? null;
    show(true);
  };
  const pull = () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    void pullOnce()
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        if (again) {
          again = false;
          pull();
        }
      });
  };

  const socket = connectSyncSocket({
    url: socketUrl(serverUrl),
    token,
    onState: (state: ConnectionState) => {
      if (state === 'auth-error') return refuse();
      online = state === 'connected';
      if (!stopped && orders.size > 0) show(false);
    },
    onPull: pull,
    onBroadcast: () => undefined,
  });
  // The first pull does not wait for the socket: the order is what the customer came for.
  pull();
  const timer = setInterval(pull, 30_000);
  return stop;
}
