/**
 * The dashboard's configuration, read in this one module. The server serves the dashboard, so by
 * default the API lives at the page's own origin; `VITE_KITCHENSYNC_SERVER` overrides it for dev.
 */
const env = import.meta.env as Record<string, string | undefined>;

function pageOrigin(): string {
  return typeof window === 'undefined' ? 'http://127.0.0.1:8787' : window.location.origin;
}

export const config = {
  serverUrl: (env.VITE_KITCHENSYNC_SERVER ?? pageOrigin()).replace(/\/+$/, ''),
  /** Prices are stored in cents; this is how they are shown. */
  currency: env.VITE_KITCHENSYNC_CURRENCY ?? 'EUR',
  locale: env.VITE_KITCHENSYNC_LOCALE ?? 'en-GB',
  /** Where the signed-in token is remembered (this browser only). */
  sessionKey: 'kitchensync.dashboard.session',
} as const;
