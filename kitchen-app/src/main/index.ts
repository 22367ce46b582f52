import { app, autoUpdater, BrowserWindow, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ipcHandlers } from './ipc-handlers.ts';
import { launchOptions } from './launch-options.ts';
import { settingsFile } from './settings-file.ts';
import { updates } from './updates.ts';
import { isAllowedNavigation, windowOptions } from './window-options.ts';

// Built to dist/electron/main.cjs; the renderer sits in dist/renderer.
const options = launchOptions(process.argv, process.env);
const rendererUrl = options.rendererUrl ?? pathToFileURL(join(__dirname, '..', 'renderer', 'index.html')).href;
let mainWindow: BrowserWindow | undefined;
// Installs only when the policy allows (common/update-policy.ts): never mid-ticket or with pending changes.
// Electron has no updater on Linux: those terminals update through their package manager.
const updater = updates({ updater: autoUpdater, feedUrl: process.platform === 'linux' ? undefined : options.updateFeedUrl, now: Date.now, log: (m) => console.warn(`[updates] ${m}`) });

function registerIpc(): void {
  const handlers = ipcHandlers({
    settings: settingsFile(join(app.getPath('userData'), 'settings.json')),
    version: app.getVersion(),
    window: () => mainWindow,
    terminalState: (state) => updater.report(state),
  });
  for (const [channel, handle] of Object.entries(handlers)) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isAllowedNavigation(event.senderFrame?.url ?? '', rendererUrl)) throw new Error('unknown sender');
      return handle(arg);
    });
  }
}

function createWindow(): void {
  const win = new BrowserWindow(windowOptions({ kiosk: options.kiosk, preloadPath: join(__dirname, 'preload.cjs') }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => (mainWindow = undefined));
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
  });
  void win.loadURL(rendererUrl);
}

// One kitchen window per terminal: a second launch focuses the first.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => mainWindow?.focus());

void app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, grant) => grant(false));
  registerIpc();
  createWindow();
  setInterval(() => updater.tick(), 60_000);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  // Closing the app is a restart: install a downloaded update now if the policy allows (it quits).
  if (updater.quitting().apply) return;
  if (process.platform !== 'darwin') app.quit();
});
