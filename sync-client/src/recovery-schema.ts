import type { HTTPRequestInfo } from 'replicache';

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
