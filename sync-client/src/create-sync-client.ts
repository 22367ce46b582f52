import { screenPresenceIntervalMs, type Rejection } from '@kitchensync/shared';
import { socketUrl } from './client-name.ts';
import { clientReset } from './client-reset.ts';
import { createReplicache, defaultReplicaName, type KitchenReplicache, type ReplicacheOptions } from './create-replicache.ts';
import { createHealthMonitor } from './health-monitor.ts';
import { rejectionsQuery } from './rejections.ts';
import { createMutationJournal, type JournalEntry, type JournalStorage } from './mutation-journal.ts';
import { serverOlderThanApp } from './server-version.ts';
import { createStore, type ReadableStore } from './store.ts';
import type { SyncHealth } from './sync-health.ts';
import { choosePath, type HubBacklog, type SyncPath } from './path-choice.ts';
import { connectSyncSocket, type SocketFactory } from './sync-socket.ts';

export interface SyncClientOptions extends Omit<ReplicacheOptions, 'onPullOk'> {
  /** Pending changes unconfirmed this long while "connected" raise the stuck alarm. Default 30 s. */
  readonly stuckAfterMs?: number;
  /** How often the pending count is re-read and health recomputed. Default 1 s. */
  readonly healthTickMs?: number;
  readonly createSocket?: SocketFactory;
  /** The restaurant's hub: preferred while it answers, `serverUrl` (the cloud) otherwise. */
  readonly hubUrl?: string;
  /** How often the hub is checked (path-choice.ts). Default 1 s. */
  readonly pathProbeMs?: number;
  /** Where the mutation journal and a reset's saved mutations survive a reload. Default localStorage. */
  readonly storage?: JournalStorage;
  /**
   * After ClientStateNotFound the unconfirmed mutations are saved (client-reset.ts) and this is
   * called: it must create the client again with the same options. Default: reload the page.
   */
  readonly onReset?: () => void;
}

export type BroadcastListener = (message: unknown) => void;

export interface SyncClient {
  readonly rep: KitchenReplicache;
  readonly health: ReadableStore<SyncHealth>;
  /** Our mutations the server has not confirmed yet (name and args), so screens can mark what they touch. */
  readonly pending: ReadableStore<readonly JournalEntry[]>;
  /** With a hub configured: which way changes travel now ("via hub", "via cloud", "offline"). */
  readonly path: ReadableStore<SyncPath> | undefined;
  /** With a hub configured: the hub's changes waiting for the cloud, and since when (while on the hub). */
  readonly hubBacklog: ReadableStore<HubBacklog | undefined> | undefined;
  onBroadcast(listener: BroadcastListener): () => void;
  /** This client's rejected mutations, oldest first; called at once and on every change. */
  subscribeRejections(listener: (rejections: Rejection[]) => void): () => void;
  dismissRejection(key: string): Promise<void>;
  /** Name and args of one of this client's mutations, if it was seen pending (for notices). */
  describeMutation(clientID: string, mutationID: number): JournalEntry | undefined;
  /** Retry the socket now, skipping any backoff wait. */
  reconnect(): void;
  /** A kitchen screen's stations (none for expo): said on the poke socket while it runs, so the print agent knows they have a screen. */
  showStations(stations: readonly string[]): void;
  close(): Promise<void>;
}

/** Everything a screen needs to stay in sync: replica, poke socket, health and notices. */
export function createSyncClient(options: SyncClientOptions): SyncClient {
  // The puller reports to the monitor, which itself reads the replica: tie the knot late.
  const late: { monitor?: ReturnType<typeof createHealthMonitor> } = {};
  const storage = options.storage ?? browserStorage();
  const reset = clientReset(options.name ?? defaultReplicaName(options), storage);
  // A pull served again means whatever refused our version has been updated.
  const rep: KitchenReplicache = createReplicache({ ...options, name: reset.name, onPullOk: () => pulled() });
  const pulled = () => {
    const monitor = late.monitor;
    monitor?.update({ lastPullAt: Date.now(), updateRequired: false });
    // A pull served proves the server is alive: retry a waiting queue now rather than after its backoff.
    if (monitor && monitor.store.get().pendingCount > 0) void rep.push({ now: true }).catch(() => undefined);
  };
  rep.onClientStateNotFound = () => void reset.save(rep).then(options.onReset ?? reloadPage);
  void reset.replay(rep);
  const journal = createMutationJournal(300, storage && { store: storage, key: `${rep.name}:journal` });
  const pending = createStore<readonly JournalEntry[]>([]);
  const health = createHealthMonitor({
    countPending: async () => {
      if (rep.closed) return 0;
      const list = await rep.experimentalPendingMutations();
      journal.record(list);
      if (!samePending(pending.get(), list)) pending.set(list.map(({ clientID, id, name, args }) => ({ clientID, id, name, args })));
      return list.length;
    },
    stuckAfterMs: options.stuckAfterMs ?? 30_000,
    tickMs: options.healthTickMs ?? 1000,
  });
  late.monitor = health;
  rep.onOnlineChange = (online) => {
    health.update({ replicacheOnline: online });
    health.refresh();
  };
  // The server refuses this build's schema, or a newer build opened this replica's store: pending
  // changes stay in the store, and the updated build's mutation recovery sends them.
  rep.onUpdateNeeded = () => void whoMustUpdate(rep.pullURL).then((who) => health.update({ updateRequired: who }));
  const stopWatch = rep.experimentalWatch(() => health.refresh());

  const listeners = new Set<BroadcastListener>();
  // Pull and send what waits, now: the path or the network has just changed.
  const catchUp = () => {
    void rep.pull({ now: true }).catch(() => undefined);
    void rep.push({ now: true }).catch(() => undefined);
  };
  const openSocket = (serverUrl: string) => connectSyncSocket({
    url: socketUrl(serverUrl),
    token: options.token,
    ...(options.createSocket ? { createSocket: options.createSocket } : {}),
    onState: (connection) => health.update({ connection }),
    // Straight into Replicache: a poke's pull passes through no code of ours before the puller.
    onPull: rep.pull.bind(rep, { now: true }),
    // Back from a drop: send the offline backlog now instead of waiting out Replicache's backoff.
    onReady: () => void rep.push({ now: true }).catch(() => undefined),
    onBroadcast: (message) => listeners.forEach((l) => l(message)),
    screenStations: () => shown,
    screenEveryMs: screenPresenceIntervalMs,
  });
  let shown: readonly string[] = [];
  // The replica keeps its name (and client group) on either path: the hub forwards under the same ids.
  const useServer = (serverUrl: string) => {
    rep.pullURL = `${serverUrl}/api/replicache/pull`;
    rep.pushURL = `${serverUrl}/api/replicache/push`;
  };
  const choice = options.hubUrl
    ? choosePath({
        hubUrl: options.hubUrl,
        cloudUrl: options.serverUrl,
        token: options.token,
        ...(options.pathProbeMs ? { probeEveryMs: options.pathProbeMs } : {}),
        onSwitch: (serverUrl) => {
          useServer(serverUrl);
          socket.close();
          socket = openSocket(serverUrl);
          catchUp();
        },
      })
    : undefined;
  if (choice) useServer(choice.serverUrl());
  let socket = openSocket(choice?.serverUrl() ?? options.serverUrl);

  const onOnline = () => {
    health.update({ browserOnline: true });
    socket.reconnectNow();
    catchUp();
  };
  const onOffline = () => {
    health.update({ browserOnline: false });
    socket.drop();
  };
  const win = typeof window === 'undefined' ? undefined : window;
  win?.addEventListener('online', onOnline);
  win?.addEventListener('offline', onOffline);

  return {
    rep,
    health: health.store,
    pending,
    path: choice?.path,
    hubBacklog: choice?.backlog,
    onBroadcast(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    subscribeRejections: (listener) => rep.subscribe(rejectionsQuery(rep.clientID), listener),
    dismissRejection: (key) => rep.mutate.dismissRejection({ key }).then(() => undefined),
    describeMutation: (clientID, mutationID) => journal.get(clientID, mutationID),
    reconnect: () => socket.reconnectNow(),
    showStations(stations) {
      shown = stations;
      socket.announce();
    },
    async close() {
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('offline', onOffline);
      stopWatch();
      choice?.close();
      socket.close();
      health.stop();
      listeners.clear();
      await rep.close();
    },
  };
}

const samePending = (a: readonly JournalEntry[], b: readonly { clientID: string; id: number }[]) =>
  a.length === b.length && a.every((m, i) => m.id === b[i]?.id && m.clientID === b[i]?.clientID);

function browserStorage(): JournalStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

const reloadPage = () => {
  if (typeof location !== 'undefined') location.reload();
};

/** Asks the refusing server's health: a minimum at or below our schema means it is the older one. */
async function whoMustUpdate(pullURL: string): Promise<'app' | 'server'> {
  return (await serverOlderThanApp(pullURL.replace(/\/api\/replicache\/pull$/, ''))) ? 'server' : 'app';
}
