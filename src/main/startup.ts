/**
 * Start-up decisions of the Electron main process, kept free of Electron imports so they are tested under
 * plain Node with stand-ins.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The page the window loads. ELECTRON_RENDERER_URL (electron-vite's dev server) is honoured only in a
 * development run: in a packaged app an environment variable must not be able to point the window, and
 * with it the IPC bridge to the database, at another page.
 */
export function rendererUrlFor(env: NodeJS.ProcessEnv, isPackaged: boolean, mainDir: string): string {
  const dev = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && dev) return dev;
  return pathToFileURL(join(mainDir, '../renderer/index.html')).href;
}

type InstanceApp = {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
};

type FocusableWindow = { isMinimized(): boolean; restore(): void; show(): void; focus(): void };

/**
 * One running instance per user: two processes writing one SQLite file (and one audit chain) would race
 * each other's sessions and hash chain. A second start quits at once and brings the first one's window
 * to the front instead. Returns false when this process is the second one and is quitting.
 */
export function takeSingleInstance(app: InstanceApp, currentWindow: () => FocusableWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = currentWindow();
    if (win === null) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
