import { beforeEach, describe, expect, it, vi } from 'vitest';
import { opNames, ipcChannel } from '../../src/shared/contract';
import { setupBase } from '../helpers/core';

// A stand-in for the electron module: Electron's binary is not available under plain Node.
const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
}));

const { registerIpcHandlers } = await import('../../src/main/ipc');
const { secureWebPreferences, hardenWebContents, isSafeExternalUrl, isAppUrl, denyAllPermissions } =
  await import('../../src/main/security');
const { ipcMain } = await import('electron');
const { rendererUrlFor, takeSingleInstance } = await import('../../src/main/startup');

describe('Electron IPC glue', () => {
  beforeEach(() => handlers.clear());

  it('registers one handler per contract operation, and they reach the core', async () => {
    const { core } = await setupBase();
    registerIpcHandlers(ipcMain, core, () => true);
    expect([...handlers.keys()].sort()).toEqual(opNames.map(ipcChannel).sort());
    const event = { sender: { id: 7 }, senderFrame: { url: 'file:///app/index.html' } };
    const status = (await handlers.get(ipcChannel('system.status'))!(event, {})) as {
      ok: boolean;
      value: { initialized: boolean };
    };
    expect(status).toMatchObject({ ok: true, value: { initialized: true } });
    const denied = (await handlers.get(ipcChannel('users.list'))!(event, {})) as { ok: boolean; error: { code: string } };
    expect(denied.error.code).toBe('AUTH_REQUIRED');
  });

  it('refuses calls from frames that are not the app', async () => {
    const { core } = await setupBase();
    registerIpcHandlers(ipcMain, core, (url) => url.startsWith('file:///app/'));
    const r = (await handlers.get(ipcChannel('system.status'))!(
      { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/' } },
      {},
    )) as {
      error: { code: string };
    };
    expect(r.error.code).toBe('IPC_UNTRUSTED_SENDER');
  });
});

describe('window security', () => {
  it('uses isolated, sandboxed renderers without Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('denies window.open and navigation away from the app; opens only safe http(s) links externally', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, fn),
    };
    const opened: string[] = [];
    hardenWebContents(contents as never, 'file:///app/index.html', (u) => opened.push(u));
    expect(openHandler!({ url: 'https://www.nhc.gov.cn/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.nhc.gov.cn/']);

    const prevented: string[] = [];
    const nav = (url: string) => listeners.get('will-navigate')!({ preventDefault: () => prevented.push(url) }, url);
    nav('https://evil.example/');
    nav('file:///app/index.html');
    expect(prevented).toEqual(['https://evil.example/']);
    const webview = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    listeners.get('will-attach-webview')!(webview, '');
    expect(webview.prevented).toBe(true);
  });

  it('validates external URLs and app URLs strictly', () => {
    expect(isSafeExternalUrl('https://example.org/a')).toBe(true);
    expect(isSafeExternalUrl('https://user:pw@example.org/')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/plan', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('denies every permission request', () => {
    let requestHandler: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let checkHandler: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (f: typeof requestHandler) => (requestHandler = f),
      setPermissionCheckHandler: (f: typeof checkHandler) => (checkHandler = f),
    } as never);
    const answers: boolean[] = [];
    requestHandler!(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(checkHandler!()).toBe(false);
  });
});

describe('start-up', () => {
  const mainDir = '/opt/BaseDesk/resources/app.asar/out/main';
  const devServer = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };

  it('loads the dev server only in a development run; a packaged app always loads its own page', () => {
    expect(rendererUrlFor(devServer, false, mainDir)).toBe('http://localhost:5173/');
    expect(rendererUrlFor(devServer, true, mainDir)).toBe('file:///opt/BaseDesk/resources/app.asar/out/renderer/index.html');
    expect(rendererUrlFor({}, false, mainDir)).toBe('file:///opt/BaseDesk/resources/app.asar/out/renderer/index.html');
  });

  function fakeApp(gotLock: boolean) {
    const listeners = new Map<string, () => void>();
    const app = {
      quits: 0,
      requestSingleInstanceLock: () => gotLock,
      quit() {
        app.quits += 1;
      },
      on: (event: string, fn: () => void) => listeners.set(event, fn),
    };
    return { app, listeners };
  }

  function fakeWindow(minimized: boolean) {
    const calls: string[] = [];
    return {
      calls,
      isMinimized: () => minimized,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
  }

  it('a second instance quits at once and opens nothing', () => {
    const { app, listeners } = fakeApp(false);
    expect(takeSingleInstance(app, () => null)).toBe(false);
    expect(app.quits).toBe(1);
    expect(listeners.size).toBe(0);
  });

  it('the first instance keeps running and brings its window to the front when a second one starts', () => {
    const { app, listeners } = fakeApp(true);
    const win = fakeWindow(true);
    expect(takeSingleInstance(app, () => win)).toBe(true);
    expect(app.quits).toBe(0);
    listeners.get('second-instance')!();
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('a second start before the window exists is simply ignored', () => {
    const { app, listeners } = fakeApp(true);
    takeSingleInstance(app, () => null);
    expect(() => listeners.get('second-instance')!()).not.toThrow();
  });
});
