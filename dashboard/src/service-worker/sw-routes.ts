/**
 * Only the dashboard's own pages and assets; never the API, the socket, the kitchen app or the
 * customer tracker (a separate page, always live: caching it as the shell would replace the dashboard).
 */
export function handledBy(url: URL, origin: string): 'shell' | 'asset' | undefined {
  if (url.origin !== origin || url.pathname.startsWith('/api/') || /^\/(kitchen|track)(\/|$)/.test(url.pathname)) return undefined;
  return url.pathname.startsWith('/assets/') ? 'asset' : 'shell';
}
