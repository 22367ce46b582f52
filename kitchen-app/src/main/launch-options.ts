export interface LaunchOptions {
  readonly kiosk: boolean;
  /** Load the renderer from a dev server instead of the built files. */
  readonly rendererUrl: string | undefined;
}

const truthy = (v: string | undefined) => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());

/** `--kiosk` or KITCHEN_KIOSK=1 for full-screen kiosk; KITCHEN_RENDERER_URL for a dev server. */
export function launchOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): LaunchOptions {
  const rendererUrl = env['KITCHEN_RENDERER_URL']?.trim();
  return {
    kiosk: argv.includes('--kiosk') || truthy(env['KITCHEN_KIOSK']),
    rendererUrl: rendererUrl && /^https?:\/\//.test(rendererUrl) ? rendererUrl : undefined,
  };
}
