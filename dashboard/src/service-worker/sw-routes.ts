/** Only the dashboard's own pages and assets; never the API, the socket or the kitchen app. */
export function handledBy(url: URL, origin: string): 'shell' | 'asset' | undefined {
  if (url.origin !== origin || url.pathname.startsWith('/api/') || /^\/kitchen(\/|$)/.test(url.pathname)) return undefined;
  return url.pathname.startsWith('/assets/') ? 'asset' : 'shell';
}
