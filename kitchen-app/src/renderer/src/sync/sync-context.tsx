import { createSyncClient, type SyncClient } from '@kitchensync/sync-client';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { parseTuning } from '../config/tuning.ts';

const SyncContext = createContext<SyncClient | undefined>(undefined);

/** One sync client per server and token, closed when either changes or the screen goes. */
export function SyncProvider(props: { serverUrl: string; token: string; children: ReactNode }) {
  const [client, setClient] = useState<SyncClient>();
  useEffect(() => {
    const { stuckAfterMs } = parseTuning(window.location.search);
    const c = createSyncClient({ serverUrl: props.serverUrl, token: props.token, stuckAfterMs });
    setClient(c);
    (window as { ksClient?: SyncClient }).ksClient = c;
    return () => {
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
