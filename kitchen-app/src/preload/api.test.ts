import { describe, expect, it } from 'vitest';
import { createApi } from './api.ts';

describe('the preload API', () => {
  it('maps each method to its IPC channel and nothing else', async () => {
    const state = { pendingChanges: 0, openTickets: 2, ticketsInProgress: 1, lastInputAt: 5, updateRequired: false };
    const calls: [string, unknown][] = [];
    const api = createApi(async (channel, arg) => {
      calls.push([channel, arg]);
      return channel === 'kiosk:toggle' ? true : {};
    });
    await api.settings.get();
    await api.settings.set({ serverUrl: 'http://k', token: 't', stations: 'all', chime: false });
    await api.appVersion();
    expect(await api.toggleKiosk()).toBe(true);
    await api.reportTerminalState(state);
    expect(calls).toEqual([
      ['settings:get', undefined],
      ['settings:set', { serverUrl: 'http://k', token: 't', stations: 'all', chime: false }],
      ['app:version', undefined],
      ['kiosk:toggle', undefined],
      ['update:terminal-state', state],
    ]);
  });

  it('exposes only settings, version, kiosk and the terminal state for updates', () => {
    expect(Object.keys(createApi(async () => undefined)).sort()).toEqual(['appVersion', 'reportTerminalState', 'settings', 'toggleKiosk']);
  });
});
