export interface LaunchOptions {
  readonly kiosk: boolean;
  /** Load the renderer from a dev server instead of the built files. */
  readonly rendererUrl: string | undefined;
  /** The Squirrel update feed (KITCHEN_UPDATE_URL); unset, the terminal never updates itself. */
  readonly updateFeedUrl: string | undefined;
}

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());

const httpUrl = (v: string | undefined) => (v && /^https?:\/\//.test(v.trim()) ? v.trim() : undefined);

/** `--kiosk` or KITCHEN_KIOSK=1 for full-screen kiosk; KITCHEN_RENDERER_URL for a dev server; KITCHEN_UPDATE_URL. */
export function launchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LaunchOptions {
  return {
    kiosk: argv.includes('--kiosk') || truthy(env['KITCHEN_KIOSK']),
    rendererUrl: httpUrl(env['KITCHEN_RENDERER_URL']),
    updateFeedUrl: httpUrl(env['KITCHEN_UPDATE_URL']),
  };
}
