import { normalizeServerUrl } from './client-name.ts';
import { createStore, type ReadableStore } from './store.ts';

/** Which way a screen's changes travel: the restaurant's hub, the cloud directly, or neither answers. */
export type SyncPath = 'hub' | 'cloud' | 'offline';

export const pathLabel: Record<SyncPath, string> = { hub: 'via hub', cloud: 'via cloud', offline: 'offline' };

export interface PathChoiceOptions {
  readonly hubUrl: string;
  readonly cloudUrl: string;
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

  const probe = async () => {
    if (probing || closed) return;
    probing = true;
    try {
      const next: SyncPath = (await answers(hub)) ? 'hub' : (await answers(cloud)) ? 'cloud' : 'offline';
      if (closed) return;
      path.set(next);
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
    serverUrl: () => server,
    close() {
      closed = true;
      clearInterval(timer);
    },
  };
}
