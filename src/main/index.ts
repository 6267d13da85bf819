import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openCore } from '../core/open-core';
import { registerIpcHandlers } from './ipc';
import { installKeyProtector } from './key-protector';
import { electronNativeBinding } from './native-binding';
import { denyAllPermissions, hardenWebContents, isAppUrl, isSafeExternalUrl, secureWebPreferences } from './security';

// Wiring only: windows, IPC and lifecycle. All logic lives in the core, shared with the CLI and tests.
app.setName('BaseDesk');

const here = dirname(fileURLToPath(import.meta.url));

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;

async function main(): Promise<void> {
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
