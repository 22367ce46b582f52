import { ipcChannels, type IpcChannel } from '../common/ipc-contract.ts';
import type { SettingsFile } from './settings-file.ts';

export interface KioskWindow {
  isKiosk(): boolean;
  setKiosk(flag: boolean): void;
  setFullScreen(flag: boolean): void;
}

export interface IpcDeps {
  readonly settings: SettingsFile;
  readonly version: string;
  readonly window: () => KioskWindow | undefined;
  /** Where the renderer's screen state goes (the update policy); validated there. */
  readonly terminalState: (state: unknown) => void;
}

export type IpcHandler = (arg: unknown) => Promise<unknown>;

/** The whole IPC surface: one handler per channel, nothing reachable beyond it. */
export function ipcHandlers(deps: IpcDeps): Record<IpcChannel, IpcHandler> {
  return {
    [ipcChannels.settingsGet]: () => deps.settings.read(),
    [ipcChannels.settingsSet]: (arg) => deps.settings.write(arg),
    [ipcChannels.appVersion]: async () => deps.version,
    [ipcChannels.kioskToggle]: async () => {
      const win = deps.window();
      if (!win) return false;
      const next = !win.isKiosk();
      win.setKiosk(next);
      win.setFullScreen(next);
      return next;
    },
    [ipcChannels.terminalState]: async (arg) => deps.terminalState(arg),
  };
}
