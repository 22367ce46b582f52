import { useSyncExternalStore } from 'react';
import type { SyncClient } from '../create-sync-client.ts';
import type { HubBacklog, SyncPath } from '../path-choice.ts';

const never = () => () => undefined;
const none = () => undefined;

/** Which way the screen's changes travel, and the hub's backlog; both undefined without a hub configured. */
export function useSyncPath(client: Pick<SyncClient, 'path' | 'hubBacklog'>): { path: SyncPath | undefined; backlog: HubBacklog | undefined } {
  const path = useSyncExternalStore(client.path?.subscribe ?? never, client.path?.get ?? none);
  const backlog = useSyncExternalStore(client.hubBacklog?.subscribe ?? never, client.hubBacklog?.get ?? none);
  return { path, backlog };
}
