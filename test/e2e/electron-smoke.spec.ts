/**
 * The real Electron app starts, opens one window on the built renderer, reaches the core through IPC (the
 * first-run setup wizard appears on an empty data folder) and a second start does not open a second
 * window on the same database. Needs the Electron binary (downloaded by its postinstall) and the built app
 * (`npx electron-vite build`); where the binary is absent the test is skipped and says why.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * The Electron binary, when its install really downloaded it. Read from the package's own `path.txt` rather
 * than `require('electron')`, which tries to download the binary when it is missing.
 */
function electronBinary(): string | null {
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test.describe('Electron app', () => {
  // eslint-disable-next-line no-restricted-syntax -- conditional, and the reason is printed in the report
  test.skip(binary === null, 'Electron binary not present on this machine: its download host could not be reached at install.');

  test('opens one window with the setup wizard, and a second start opens none', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'basedesk-electron-'));
    // The built renderer, never a dev server, whatever this shell has set.
    const inherited = Object.entries(process.env).filter(
      (e): e is [string, string] => e[1] !== undefined && e[0] !== 'ELECTRON_RENDERER_URL',
    );
    const env = {
      ...Object.fromEntries(inherited),
      BASEDESK_DATA_DIR: dataDir,
      BASEDESK_KEY_PASSPHRASE: 'smoke-test-passphrase',
    };
    const app = await electron.launch({ executablePath: binary!, args: [ROOT], env });
    try {
      const win = await app.firstWindow();
      await expect(win).toHaveTitle('住培基地离线工作台');
      await expect(win.getByRole('button', { name: '下一步' })).toBeVisible();

      const second = await electron.launch({ executablePath: binary!, args: [ROOT], env });
      await expect.poll(() => second.process().exitCode, { timeout: 15_000 }).not.toBeNull();
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
