export { createSyncClient, type BroadcastListener, type SyncClient, type SyncClientOptions } from './create-sync-client.ts';
export { createReplicache, schemaVersion, defaultPullIntervalMs, type KitchenReplicache, type ReplicacheOptions } from './create-replicache.ts';
export { replicaName, normalizeServerUrl, socketUrl, hash53 } from './client-name.ts';
export { reconnectDelay, defaultBackoff, type BackoffOptions } from './backoff.ts';
export {
  computeHealth,
  observePending,
  formatAge,
  initialFacts,
  type ConnectionState,
  type HealthLevel,
  type SyncFacts,
  type SyncHealth,
} from './sync-health.ts';
export { hubBacklogText } from './hub-backlog-text.ts';
export { choosePath, pathLabel, type HubBacklog, type PathChoice, type PathChoiceOptions, type SyncPath } from './path-choice.ts';
export {
  connectSyncSocket,
  parseServerMessage,
  type ServerMessage,
  type SocketFactory,
  type SocketLike,
  type SyncSocket,
  type SyncSocketOptions,
} from './sync-socket.ts';
export { rejectionPrefix, rejectionsQuery, sortRejections } from './rejections.ts';
export { createStore, type ReadableStore, type WritableStore } from './store.ts';
export { broadcastText } from './broadcast-text.ts';
export { createMutationJournal, type JournalEntry, type MutationJournal } from './mutation-journal.ts';
export { fetchServerVersion, serverOlderThanApp, versionText, type ServerVersion } from './server-version.ts';
