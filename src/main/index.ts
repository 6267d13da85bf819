import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core/open-core';
import { registerIpcHandlers } from './ipc';
import { isAppError } from '../shared/errors';
import { appDbKeySource, offerEncryption } from './db-encryption';
import { installKeyProtector, safeStorageProtector } from './key-protector';
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
  const binding = nativeBinding ? { nativeBinding } : {};
  const dbKey = appDbKeySource(safeStorageProtector());
  let core;
  try {
    await offerEncryption(dataDir, dbKey, askToEncrypt, binding);
    core = await openCore({ dataDir, appVersion: app.getVersion(), dbKey, ...binding });
  } catch (e) {
    // A wrong key, a missing key file or a locked keychain: say what to do, never a stack trace.
    dialog.showErrorBox('无法打开数据', isAppError(e) ? e.message : String(e));
    app.quit();
    return;
  }
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

async function askToEncrypt(): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: '加密数据',
    message: '数据库目前未加密：身份证号、手机号等个人信息以明文保存在这台电脑上。',
    detail:
      '现在加密后，数据库、日志与备份只能由本机本账户的 BaseDesk 打开（密钥由系统钥匙串保管）。加密前请关闭其他正在使用这些数据的 BaseDesk 窗口。',
    buttons: ['立即加密（推荐）', '暂不加密'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

void main();
