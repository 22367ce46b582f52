import { clientSchemaVersion, mutators, type Mutators } from '@kitchensync/shared';
import { getDefaultPuller, type HTTPRequestInfo, type Puller, type Pusher, type PusherResult } from 'replicache';
import { ReplicacheImpl } from 'replicache/impl';
import { normalizeServerUrl, replicaName } from './client-name.ts';
import { persistPromptly } from './persist-promptly.ts';

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

type Send<R, T> = (request: R, requestID: string) => Promise<T>;

const refusesSchema = (response: unknown) =>
  typeof response === 'object' && response !== null && (response as { error?: unknown }).error === 'VersionNotSupported';

/**
 * Replicache's mutation recovery sends an older build's client group (pending changes left in
 * this store by the app before its update) with that build's `schemaVersion`. A server whose
 * minimum is above it answers VersionNotSupported, and Replicache then disables that group for
 * good: its changes would be lost. This build speaks every mutator an older one did (names are
 * append-only), so it sends the group's request again as its own schema; if the server refuses
 * that too (it is older than this build), the request counts as failed, which recovery retries
 * later, instead of as VersionNotSupported, on which it would give up. This build's own requests
 * pass through unchanged: their refusal is the screen's "update required".
 */
export function recoverAsThisBuild<R extends { schemaVersion: string }, T extends { response?: unknown; httpRequestInfo: HTTPRequestInfo }>(
  send: Send<R, T>,
  ownSchema: string,
): Send<R, T> {
  return async (request, requestID) => {
    const first = await send(request, requestID);
    if (request.schemaVersion === ownSchema || !refusesSchema(first.response)) return first;
    const again = await send({ ...request, schemaVersion: ownSchema }, requestID);
    if (!refusesSchema(again.response)) return again;
    return { httpRequestInfo: { httpStatusCode: 0, errorMessage: `the server serves neither schema ${request.schemaVersion} nor ${ownSchema}` } } as T;
  };
}

/** Replicache's own push request, as its default pusher sends it (which it does not export). */
export async function postPush(url: string, auth: string, requestID: string, body: unknown): Promise<{ response?: unknown; httpRequestInfo: HTTPRequestInfo }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-type': 'application/json', Authorization: auth, 'X-Replicache-RequestID': requestID },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) return { httpRequestInfo: { httpStatusCode: res.status, errorMessage: await res.text() } };
  const httpRequestInfo = { httpStatusCode: 200, errorMessage: '' };
  const parsed = (await res.json().catch(() => undefined)) as { error?: unknown } | undefined;
  // Like Replicache's: only a protocol error is a response; `{}` is just success.
  return typeof parsed?.error === 'string' ? { response: parsed, httpRequestInfo } : { httpRequestInfo };
}
