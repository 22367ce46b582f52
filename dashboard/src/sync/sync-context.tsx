import { createSyncClient, type SyncClient } from '@kitchensync/sync-client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

const SyncContext = createContext<SyncClient | undefined>(undefined);

/** One sync client for the signed-in manager token, closed on sign-out. */
export function SyncProvider(props: { serverUrl: string; token: string; children: ReactNode }) {
  const [client, setClient] = useState<SyncClient>();
  useEffect(() => {
    const c = createSyncClient({ serverUrl: props.serverUrl, token: props.token });
    // Back online: send the offline backlog now rather than at the end of the push backoff.
    const flush = () => void c.rep.push({ now: true }).catch(() => undefined);
    window.addEventListener('online', flush);
    setClient(c);
    // For tests and support: the live client, like the kitchen app's `window.ksClient`.
    (window as { ksDashboard?: SyncClient }).ksDashboard = c;
    return () => {
      window.removeEventListener('online', flush);
      setClient(undefined);
      void c.close();
    };
  }, [props.serverUrl, props.token]);
  return client ? <SyncContext.Provider value={client}>{props.children}</SyncContext.Provider> : null;
}

export function useSyncClient(): SyncClient {
  const client = useContext(SyncContext);
  if (!client) throw new Error('useSyncClient outside SyncProvider');
  return client;
}
