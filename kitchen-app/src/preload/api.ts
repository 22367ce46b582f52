import { ipcChannels, type IpcChannel, type KitchenApi } from '../common/ipc-contract.ts';
import type { StoredSettings } from '../common/settings.ts';
import type { TerminalState } from '../common/update-policy.ts';

export type Invoke = (channel: IpcChannel, arg?: unknown) => Promise<unknown>;

/** Builds `window.api` over ipcRenderer.invoke; only the listed channels are reachable. */
export function createApi(invoke: Invoke): KitchenApi {
  return {
    settings: {
      get: () => invoke(ipcChannels.settingsGet) as Promise<StoredSettings>,
      set: (settings: StoredSettings) => invoke(ipcChannels.settingsSet, settings) as Promise<StoredSettings>,
    },
    appVersion: () => invoke(ipcChannels.appVersion) as Promise<string>,
    toggleKiosk: () => invoke(ipcChannels.kioskToggle) as Promise<boolean>,
    reportTerminalState: async (state: TerminalState) => void (await invoke(ipcChannels.terminalState, state)),
  };
}
