import type { StoredSettings } from './settings.ts';
import type { TerminalState } from './update-policy.ts';

/** Every IPC channel the renderer may use; main handles exactly these. */
export const ipcChannels = {
  settingsGet: 'settings:get',
  settingsSet: 'settings:set',
  appVersion: 'app:version',
  kioskToggle: 'kiosk:toggle',
  terminalState: 'update:terminal-state',
} as const;
export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];

/** What the preload exposes as `window.api`: nothing else of Node or Electron. */
export interface KitchenApi {
  readonly settings: {
    get(): Promise<StoredSettings>;
    /** Validated in main (setup may save server and token before stations); resolves with what was stored. */
    set(settings: StoredSettings): Promise<StoredSettings>;
  };
  appVersion(): Promise<string>;
  /** Turns kiosk full-screen on or off; resolves with the new state. */
  toggleKiosk(): Promise<boolean>;
  /** What the update policy needs of the screen (pending changes, tickets, last input). */
  reportTerminalState(state: TerminalState): Promise<void>;
}
