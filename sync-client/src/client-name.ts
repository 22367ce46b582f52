/**
 * cyrb53: a fast, well-spread 53-bit string hash. Not a secret-keeping hash: it only keeps
 * replicas apart, so that two tokens (or two servers) never share one IndexedDB database.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The Replicache name for a token on a server: stable, and different for every token. */
export function replicaName(serverUrl: string, token: string, prefix = 'ks'): string {
  const key = `${normalizeServerUrl(serverUrl)}\n${token}`;
  return `${prefix}-${hash53(key).toString(36)}${hash53(key, 1).toString(36)}`;
}

/** Drops trailing slashes so `http://h/` and `http://h` name the same server. */
export function normalizeServerUrl(serverUrl: string): string {
  return serverUrl.trim().replace(/\/+$/, '');
}

/** `http(s)://host/base` → `ws(s)://host/base/api/ws`. */
export function socketUrl(serverUrl: string): string {
  return `${normalizeServerUrl(serverUrl).replace(/^http/i, 'ws')}/api/ws`;
}
