import { clientSchemaVersion, mutators, type Mutators } from '@kitchensync/shared';
import { getDefaultPuller, type Puller, type Pusher, type PusherResult } from 'replicache';
import { ReplicacheImpl } from 'replicache/impl';
import { normalizeServerUrl, replicaName } from './client-name.ts';
import { persistPromptly } from './persist-promptly.ts';
import { postPush, recoverAsThisBuild } from './recovery-schema.ts';

export interface ReplicacheOptions {
  readonly serverUrl: string;
  readonly token: string;
  /** Replicache name; defaults to one derived from server and token, never shared between tokens. */
  readonly name?: string;
  /** Backstop pull interval; pokes do the real work. Default 60 s. */
  readonly pullIntervalMs?: number;
  /** IndexedDB in browsers (default); 'mem' for Node tests. */
  readonly kvStore?: 'idb' | 'mem';
  /** Called whenever a pull came back from the server with HTTP 200. */
  readonly onPullOk?: () => void;
}

/**
 * Replicache's implementation class, which `new Replicache()` wraps one to one: it is the one that
 * lets us write the replica to IndexedDB when we need to (persist-promptly.ts).
 */
export type KitchenReplicache = ReplicacheImpl<Mutators>;

export const schemaVersion = String(clientSchemaVersion);
export const defaultPullIntervalMs = 60_000;

/** The replica's name unless one is given: one per server and token. */
export const defaultReplicaName = (options: Pick<ReplicacheOptions, 'serverUrl' | 'token'>) => replicaName(normalizeServerUrl(options.serverUrl), options.token);

/** A Replicache talking to our sync server with the shared mutators. */
export function createReplicache(options: ReplicacheOptions): KitchenReplicache {
  const base = normalizeServerUrl(options.serverUrl);
  const target = { pullURL: `${base}/api/replicache/pull`, auth: `Bearer ${options.token}` };
  // Read at each pull: a screen that moves between hub and cloud (path-choice.ts) changes rep.pullURL.
  const defaultPuller = getDefaultPuller({
    get pullURL() {
      return rep.pullURL;
    },
    get auth() {
      return rep.auth;
    },
  });
  const recoveringPuller = recoverAsThisBuild(defaultPuller, schemaVersion);
  const puller: Puller = async (request, requestID) => {
    const result = await recoveringPuller(request, requestID);
    // A protocol error (VersionNotSupported, ClientStateNotFound) also comes with HTTP 200.
    if (result.httpRequestInfo.httpStatusCode === 200 && !('error' in (result.response ?? {}))) options.onPullOk?.();
    return result;
  };
  const rep: KitchenReplicache = new ReplicacheImpl({
    name: options.name ?? defaultReplicaName(options),
    schemaVersion,
    mutators,
    pushURL: `${base}/api/replicache/push`,
    pullURL: target.pullURL,
    auth: target.auth,
    puller,
    pusher: recoverAsThisBuild<Parameters<Pusher>[0], PusherResult>((request, requestID) => postPush(rep.pushURL, rep.auth, requestID, request) as Promise<PusherResult>, schemaVersion),
    pullInterval: options.pullIntervalMs ?? defaultPullIntervalMs,
    kvStore: options.kvStore ?? 'idb',
    logLevel: 'error',
  });
  if ((options.kvStore ?? 'idb') === 'idb') persistPromptly(rep);
  return rep;
}
