import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createSyncClient, type SyncClient, type SyncClientOptions } from '../create-sync-client.ts';

const SyncContext = createContext<SyncClient | undefined>(undefined);

export interface SyncProviderProps {
  serverUrl: string;
  token: string;
  /** Extra client options (e.g. the stuck-queue threshold); read when the client is made. */
  options?: Omit<SyncClientOptions, 'serverUrl' | 'token'>;
  /** Also expose the live client as `window[exposeAs]`, for tests and support. */
  exposeAs?: string;
  children: ReactNode;
}

/** One sync client per server and token, closed when either changes or the screen goes. */
export function SyncProvider(props: SyncProviderProps) {
  const [client, setClient] = useState<SyncClient>();
  const { serverUrl, token, exposeAs } = props;
  useEffect(() => {
    const c = createSyncClient({ ...props.options, serverUrl, token });
    setClient(c);
    if (exposeAs) (window as unknown as Record<string, unknown>)[exposeAs] = c;
    return () => {
      setClient(undefined);
      void c.close();
    };
    // The options are read once per client: a new client only for a new server or token.
  }, [serverUrl, token, exposeAs]);
  return client ? <SyncContext.Provider value={client}>{props.children}</SyncContext.Provider> : null;
}

export function useSyncClient(): SyncClient {
  const client = useContext(SyncContext);
  if (!client) throw new Error('useSyncClient outside SyncProvider');
  return client;
}
