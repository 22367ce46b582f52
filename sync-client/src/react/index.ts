export { useSubscribe } from './use-subscribe.ts';
export { useEntityMap, type EntityMap } from './use-entity-map.ts';
export { useSyncHealth } from './use-sync-health.ts';
export { useSyncPath } from './use-sync-path.ts';
export { useRejections } from './use-rejections.ts';
export { useBroadcasts, type ReceivedBroadcast } from './use-broadcasts.ts';
export { SyncProvider, useSyncClient, type SyncProviderProps } from './sync-provider.tsx';
export { useVersionText } from './use-server-version.ts';
