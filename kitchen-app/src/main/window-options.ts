import type { BrowserWindowConstructorOptions } from 'electron';

/** The one kitchen window: dark, large, locked down. */
export function windowOptions(opts: { kiosk: boolean; preloadPath: string }): BrowserWindowConstructorOptions {
  return {
    width: 1600,
    height: 900,
    minWidth: 800,
    minHeight: 600,
    backgroundColor: '#0b0d10',
    title: 'kitchensync — kitchen',
    show: false,
    autoHideMenuBar: true,
    kiosk: opts.kiosk,
    fullscreen: opts.kiosk,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // A kitchen screen in the back of a browser window must keep its timers and socket alive.
      backgroundThrottling: false,
      // The new-ticket chime must sound on an unattended kiosk, before anyone has touched it.
      autoplayPolicy: 'no-user-gesture-required',
    },
  };
}

/** The renderer may show only itself; everything else (links, redirects) is refused. */
export function isAllowedNavigation(target: string, rendererUrl: string): boolean {
  try {
    const to = new URL(target);
    const home = new URL(rendererUrl);
    if (home.protocol === 'file:') return to.protocol === 'file:' && to.pathname === home.pathname;
    return to.origin === home.origin;
  } catch {
    return false;
  }
}
