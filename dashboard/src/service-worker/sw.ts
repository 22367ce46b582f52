/*
 * Offline app shell for the dashboard. The data lives in Replicache (IndexedDB); this keeps the
 * page itself loadable without a network: navigations are network-first with the cached shell as
 * fallback, hashed assets are cache-first. The API, the WebSocket and the kitchen app at /kitchen/
 * are never touched. Built by Vite to /sw.js (see vite.config.ts).
 */
import { handledBy } from './sw-routes.ts';

declare const self: ServiceWorkerGlobalScope;

const cacheName = 'kitchensync-dashboard-v2';
const shell = '/';

/** The shell and every hashed asset it references, fetched fresh at install. */
async function cacheShell(): Promise<void> {
  const cache = await caches.open(cacheName);
  const res = await fetch(shell, { cache: 'no-store' });
  if (!res.ok) return;
  const html = await res.clone().text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].flatMap((m) => (m[1] ? [m[1]] : []));
  await cache.put(shell, res);
  await cache.addAll(assets);
}

async function networkFirstShell(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  try {
    const res = await fetch(request);
    if (res.ok) await cache.put(shell, res.clone());
    return res;
  } catch {
    return (await cache.match(shell)) ?? Response.error();
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request);
  if (hit) return hit;
  const res = await fetch(request);
  if (res.ok) await cache.put(request, res.clone());
  return res;
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const kind = handledBy(new URL(request.url), self.location.origin);
  if (kind === 'shell' && request.mode === 'navigate') event.respondWith(networkFirstShell(request));
  else if (kind === 'asset') event.respondWith(cacheFirst(request));
});
