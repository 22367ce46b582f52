import { useEffect, useState } from 'react';
import type { SyncClient } from '../create-sync-client.ts';

export interface ReceivedBroadcast {
  readonly id: number;
  readonly at: number;
  readonly message: unknown;
}

/** Broadcasts received since mount, newest last, with a way to clear one. */
export function useBroadcasts(client: Pick<SyncClient, 'onBroadcast'>, keep = 5) {
  const [messages, setMessages] = useState<ReceivedBroadcast[]>([]);
  useEffect(() => {
    let next = 0;
    return client.onBroadcast((message) =>
      setMessages((list) => [...list, { id: next++, at: Date.now(), message }].slice(-keep)),
    );
  }, [client, keep]);
  const dismiss = (id: number) => setMessages((list) => list.filter((m) => m.id !== id));
  return { messages, dismiss };
}
