import { describe, expect, it } from 'vitest';
import { ipcChannels } from '../common/ipc-contract.ts';
import type { StoredSettings } from '../common/settings.ts';
import { ipcHandlers, type KioskWindow } from './ipc-handlers.ts';
import type { SettingsFile } from './settings-file.ts';

function memorySettings(): SettingsFile {
  let stored: StoredSettings = {};
  return {
    read: async () => stored,
    write: async (s) => (stored = s as StoredSettings),
  };
}

function fakeWindow(): KioskWindow & { kiosk: boolean } {
  return {
    kiosk: false,
    isKiosk() {
      return this.kiosk;
    },
    setKiosk(flag) {
      this.kiosk = flag;
    },
    setFullScreen: () => undefined,
  };
}

describe('IPC handlers', () => {
  it('handle exactly the channels of the contract', () => {
    const handlers = ipcHandlers({ settings: memorySettings(), version: '1.2.3', window: () => undefined, terminalState: () => undefined });
    expect(Object.keys(handlers).sort()).toEqual(Object.values(ipcChannels).sort());
  });

  it('get and set remembered settings', async () => {
    const h = ipcHandlers({ settings: memorySettings(), version: '1', window: () => undefined, terminalState: () => undefined });
    const s = { serverUrl: 'http://k', token: 't', stations: 'all', chime: true };
    await h['settings:set'](s);
    expect(await h['settings:get'](undefined)).toEqual(s);
  });

  it('tell the app version', async () => {
    const h = ipcHandlers({ settings: memorySettings(), version: '4.5.6', window: () => undefined, terminalState: () => undefined });
    expect(await h['app:version'](undefined)).toBe('4.5.6');
  });

  it('hand the screen state to the update policy', async () => {
    const seen: unknown[] = [];
    const h = ipcHandlers({ settings: memorySettings(), version: '1', window: () => undefined, terminalState: (s) => seen.push(s) });
    await h['update:terminal-state']({ pendingChanges: 3 });
    expect(seen).toEqual([{ pendingChanges: 3 }]);
  });

  it('toggle kiosk on the window and report the new state', async () => {
    const win = fakeWindow();
    const h = ipcHandlers({ settings: memorySettings(), version: '1', window: () => win, terminalState: () => undefined });
    expect(await h['kiosk:toggle'](undefined)).toBe(true);
    expect(win.kiosk).toBe(true);
    expect(await h['kiosk:toggle'](undefined)).toBe(false);
  });
});
