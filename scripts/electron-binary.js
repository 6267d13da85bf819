// Finding Electron's executable, and fetching it (bounded) when the `electron` package has not yet downloaded it.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const BOUNDED_FETCH = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'bounded-fetch.js')).href;
/** Only a safety net: bounded-fetch.js already gives up on a silent host or a stalled transfer. */
const INSTALL_TIMEOUT_MS = 30 * 60_000;

/** The installed `electron` package's folder, or null when it is not installed (e.g. `npm install --omit=dev`). */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return platform === 'win32' ? 'electron.exe' : 'electron';
}

/** The executable the `electron` package would run (honouring ELECTRON_OVERRIDE_DIST_PATH), if it exists. */
export function findElectronBinary(packageDir, env = process.env) {
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? platformExecutable())
    : relative && join(packageDir, 'dist', relative);
  return candidate && existsSync(candidate) ? candidate : null;
}

/** The installer's error line without its stack, e.g. "无法连接 github.com（ENOTFOUND）". */
function failureReason(stderr, code, signal) {
  const error = /^\w*Error: (.+)$/m.exec(stderr);
  if (error) return error[1].trim();
  return signal ? `下载被终止（${signal}）` : `安装程序退出码 ${code}`;
}

/**
 * Runs the `electron` package's own installer (which also uses its download cache), with every network wait
 * bounded. Resolves with null on success, or with a one-line reason.
 */
export function downloadElectron(packageDir, env = process.env) {
  const child = spawn(process.execPath, ['--import', BOUNDED_FETCH, join(packageDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    env,
    timeout: INSTALL_TIMEOUT_MS,
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d.toString('utf8')));
  return new Promise((resolve) => {
    child.on('error', (e) => resolve(e.message));
    child.on('close', (code, signal) => resolve(code === 0 ? null : failureReason(stderr, code, signal)));
  });
}
