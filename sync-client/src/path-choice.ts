import { normalizeServerUrl } from './client-name.ts';
import { createStore, type ReadableStore } from './store.ts';

/** Which way a screen's changes travel: the restaurant's hub, the cloud directly, or neither answers. */
export type SyncPath = 'hub' | 'cloud' | 'offline';

export const pathLabel: Record<SyncPath, string> = { hub: 'via hub', cloud: 'via cloud', offline: 'offline' };

/** What the hub says of its own link (`GET /api/hub/status`): changes waiting for the cloud, and since when. */
export interface HubBacklog {
  readonly upstream: 'online' | 'offline';
  /** When the hub lost the cloud (epoch ms); null while it answers, absent from hubs of older releases. */
  readonly offlineSince?: number | null;
  readonly pending: number;
  readonly oldestPendingAt: number | null;
  /** The cloud refused a queued change's schema: it runs an older release and must be updated (absent from older hubs). */
  readonly cloudOutdated?: boolean;
}

export interface PathChoiceOptions {
  readonly hubUrl: string;
  readonly cloudUrl: string;
  /** The screen's bearer token: the hub's status answers staff tokens only. */
  readonly token: string;
  /** How often the hub (and, when it is silent, the cloud) is asked whether it answers. Default 1 s. */
  readonly probeEveryMs?: number;
  /** A probe slower than this counts as no answer. Default 1.5 s. */
  readonly probeTimeoutMs?: number;
  /** Called with the server base URL whenever the path moves between hub and cloud. */
  readonly onSwitch: (serverUrl: string) => void;
  readonly fetch?: typeof fetch;
}

export interface PathChoice {
  readonly path: ReadableStore<SyncPath>;
  /** The hub's backlog while the hub answers; undefined on the cloud path. */
  readonly backlog: ReadableStore<HubBacklog | undefined>;
  /** The server a screen talks to now (the last one that answered while offline). */
  serverUrl(): string;
  close(): void;
}

/**
 * Prefers the hub; when it stops answering its health check, the cloud; back to the hub as soon
 * as it answers again. With a 1 s probe and a 1.5 s timeout a dead hub is left within about 3 s.
 */
export function choosePath(options: PathChoiceOptions): PathChoice {
  const hub = normalizeServerUrl(options.hubUrl);
  const cloud = normalizeServerUrl(options.cloudUrl);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.probeTimeoutMs ?? 1500;
  const path = createStore<SyncPath>('hub');
  const backlog = createStore<HubBacklog | undefined>(undefined);
  let server = hub;
  let closed = false;
  let probing = false;

  const answers = async (base: string) => {
    try {
      return (await doFetch(`${base}/api/health`, { signal: AbortSignal.timeout(timeoutMs) })).ok;
    } catch {
      return false;
    }
  };
  // The hub's status is its health check too; a server that is no hub (404) is not taken for one.
  const hubBacklog = async (): Promise<HubBacklog | undefined> => {
    try {
      const res = await doFetch(`${hub}/api/hub/status`, { headers: { authorization: `Bearer ${options.token}` }, signal: AbortSignal.timeout(timeoutMs) });
      return res.ok ? ((await res.json()) as HubBacklog) : undefined;
    } catch {
      return undefined;
    }
  };

  const probe = async () => {
    if (probing || closed) return;
    probing = true;
    try {
      const atHub = await hubBacklog();
      const next: SyncPath = atHub ? 'hub' : (await answers(cloud)) ? 'cloud' : 'offline';
      if (closed) return;
      path.set(next);
      if (!sameBacklog(backlog.get(), atHub)) backlog.set(atHub);
      const target = next === 'hub' ? hub : next === 'cloud' ? cloud : server;
      if (target !== server) {
        server = target;
        options.onSwitch(server);
      }
    } finally {
      probing = false;
    }
  };

  const timer = setInterval(() => void probe(), options.probeEveryMs ?? 1000);
  void probe();
  return {
    path,
    backlog,
    serverUrl: () => server,
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}

const sameBacklog = (a: HubBacklog | undefined, b: HubBacklog | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.upstream === b.upstream && a.offlineSince === b.offlineSince && a.pending === b.pending && a.oldestPendingAt === b.oldestPendingAt && a.cloudOutdated === b.cloudOutdated);
