import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, windowOptions } from './window-options.ts';

describe('the kitchen window', () => {
  it('isolates the renderer: context isolation and sandbox on, no Node integration', () => {
    const prefs = windowOptions({ kiosk: false, preloadPath: '/app/preload.cjs' }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, nodeIntegration: false, sandbox: true, preload: '/app/preload.cjs' });
  });

  it('lets the new-ticket chime play on an untouched kiosk', () => {
    expect(windowOptions({ kiosk: true, preloadPath: 'p' }).webPreferences?.autoplayPolicy).toBe('no-user-gesture-required');
  });

  it('opens full-screen kiosk only when asked', () => {
    expect(windowOptions({ kiosk: true, preloadPath: 'p' })).toMatchObject({ kiosk: true, fullscreen: true });
    expect(windowOptions({ kiosk: false, preloadPath: 'p' })).toMatchObject({ kiosk: false, fullscreen: false });
  });
});

describe('navigation', () => {
  const home = 'file:///opt/kitchen/dist/renderer/index.html';
  it('stays on the built renderer', () => {
    expect(isAllowedNavigation(`${home}#settings`, home)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', home)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', home)).toBe(false);
  });

  it('stays on the dev server origin in development', () => {
    expect(isAllowedNavigation('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAllowedNavigation('http://evil:5173/', 'http://localhost:5173/')).toBe(false);
  });

  it('refuses garbage', () => expect(isAllowedNavigation('not a url', home)).toBe(false));
});
