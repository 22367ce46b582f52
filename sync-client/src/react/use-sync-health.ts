import { useSyncExternalStore } from 'react';
import type { SyncClient } from '../create-sync-client.ts';
import type { SyncHealth } from '../sync-health.ts';

/** The client's sync health; re-renders about once a second and on every change. */
export function useSyncHealth(client: Pick<SyncClient, 'health'>): SyncHealth {
  return useSyncExternalStore(client.health.subscribe, client.health.get);
}
