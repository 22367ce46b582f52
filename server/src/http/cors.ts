import type { RequestHandler } from 'express';

/** `*` (any page) or the exact origins allowed to call the sync endpoints from a browser. */
export type CorsOrigins = '*' | readonly string[];

/**
 * The endpoints a screen needs on a server it was not loaded from (its hub or its cloud, for path
 * failover): push, pull, the hub's status and the health check. The poke socket needs no CORS.
 */
const syncPaths = new Set(['/api/replicache/push', '/api/replicache/pull', '/api/hub/status', '/api/health']);

/** Replicache's own request headers and the bearer token; nothing else is asked for. */
const allowedHeaders = 'authorization, content-type, x-replicache-requestid';
const preflightMaxAgeS = 600;

/** Parses `CORS_ORIGINS`: `*`, or comma-separated http(s) origins; undefined when one is not an origin. */
export function parseCorsOrigins(raw: string): CorsOrigins | undefined {
  const text = raw.trim();
  if (text === '*') return '*';
  const origins: string[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(part);
    } catch {
      return undefined;
    }
    // An origin is scheme, host and port: a path, query or credentials mean a typo, not an origin.
    if (!/^https?:$/.test(url.protocol) || url.origin !== part.replace(/\/$/, '')) return undefined;
    origins.push(url.origin);
  }
  return origins;
}

/**
 * CORS for the sync endpoints only. They authenticate with a bearer token and never with cookies,
 * so credentials are never allowed, and `*` is safe: a page gets nothing it has no token for.
 * Preflights are answered here, before authentication (a browser sends them without the token),
 * including Chromium's private-network preflight for a cloud page calling a hub on the LAN.
 */
export function cors(allowed: CorsOrigins): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (!syncPaths.has(req.path)) return next();
    if (allowed !== '*') res.vary('Origin');
    const permitted = origin !== undefined && (allowed === '*' || allowed.includes(origin));
    if (permitted) res.set('Access-Control-Allow-Origin', allowed === '*' ? '*' : origin);
    if (req.method !== 'OPTIONS') return next();
    // A refused preflight is a plain 204 without the allow headers: the browser blocks the call.
    if (permitted) {
      res.set({
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': allowedHeaders,
        'Access-Control-Max-Age': String(preflightMaxAgeS),
      });
      if (req.get('access-control-request-private-network') === 'true') res.set('Access-Control-Allow-Private-Network', 'true');
    }
    res.status(204).end();
  };
}
