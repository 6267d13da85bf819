import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/open-core';
import { registerIpcHandlers } from './ipc';
import { installKeyProtector } from './key-protector';
import { electronNativeBinding } from './native-binding';
import { rendererUrlFor, takeSingleInstance } from './startup';
import { denyAllPermissions, hardenWebContents, isAppUrl, isSafeExternalUrl, secureWebPreferences } from './security';

// Wiring only: windows, IPC and lifecycle. All logic lives in the core, shared with the CLI and tests.
app.setName('BaseDesk');

const here = dirname(fileURLToPath(import.meta.url));

const rendererUrl = rendererUrlFor(process.env, app.isPackaged, here);

let mainWindow: BrowserWindow | null = null;

async function main(): Promise<void> {
  if (!takeSingleInstance(app, () => mainWindow)) return;
  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  const dataDir = process.env.BASEDESK_DATA_DIR ?? app.getPath('userData');
  const nativeBinding = electronNativeBinding(app.getAppPath(), process.resourcesPath);
  const core = await openCore({ dataDir, appVersion: app.getVersion(), ...(nativeBinding ? { nativeBinding } : {}) });
  installKeyProtector(core);
  registerIpcHandlers(ipcMain, core, (url) => isAppUrl(url, rendererUrl));

  app.on('web-contents-created', (_e, contents) => {
    hardenWebContents(contents, rendererUrl, (url) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
    });
  });

  const createWindow = () => {
    const win = new BrowserWindow({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: '住培基地离线工作台',
      webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
    });
    mainWindow = win;
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    win.once('ready-to-show', () => win.show());
    void win.loadURL(rendererUrl);
  };
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('window-all-closed', () => {
    void core.close().then(() => app.quit());
  });
}

void main();
