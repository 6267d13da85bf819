#!/usr/bin/env node
// `npm start [-- --data-dir DIR] [-- --port N]`: the desktop window where Electron can run; everywhere else
// (Electron's download host unreachable, no display, BASEDESK_NO_ELECTRON=1) the same UI through
// `basedesk serve` in the system browser, on the same data folder.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { downloadElectron, electronPackageDir, findElectronBinary } from './electron-binary.js';
import { serveInBrowser } from './serve-in-browser.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = '用法：npm start [-- --data-dir 目录] [-- --port 端口]（端口只用于浏览器界面）';

function usageError(message) {
  process.stderr.write(`错误 [USAGE]：${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    usageError(`无法识别的参数（${e.message}）`);
  }
  // Checked here too, so a typo is reported before a desktop window or a download is attempted.
  const { port } = values;
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) <= 65535)) usageError('端口应为 0–65535 之间的整数。');
  return values;
}

/** Electron can draw no window on a Linux/BSD machine without an X or Wayland display. */
function hasDisplay(env, platform) {
  return platform === 'darwin' || platform === 'win32' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Electron's executable, or why the desktop window cannot open here (one line). */
async function desktopOrReason(env) {
  if (env.BASEDESK_NO_ELECTRON === '1') return { reason: '已设置 BASEDESK_NO_ELECTRON=1，不启动桌面窗口' };
  if (!hasDisplay(env, process.platform)) {
    return { reason: '没有图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY），桌面窗口无法打开' };
  }
  const packageDir = electronPackageDir();
  if (!packageDir) return { reason: '未安装 Electron（安装时省略了开发依赖）' };
  const present = findElectronBinary(packageDir, env);
  if (present) return { electron: present };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { reason: '未下载 Electron 程序（已设置 ELECTRON_SKIP_BINARY_DOWNLOAD）' };
  const failure = await downloadElectron(packageDir, env);
  const downloaded = failure ? null : findElectronBinary(packageDir, env);
  if (downloaded) return { electron: downloaded };
  return { reason: `无法获取 Electron 程序：${failure ?? '安装后仍找不到可执行文件'}` };
}

const options = parseOptions(process.argv.slice(2));
if (options.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
// npm runs scripts from the project folder; a relative --data-dir means the folder `npm start` was typed in.
const dataDir = options['data-dir'] && resolve(process.env.INIT_CWD ?? process.cwd(), options['data-dir']);
const env = dataDir ? { ...process.env, BASEDESK_DATA_DIR: dataDir } : process.env;

const desktop = await desktopOrReason(env);
if (desktop.electron) {
  const r = spawnSync(desktop.electron, ['.'], { cwd: ROOT, env, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
process.stdout.write(`${desktop.reason}。改为在浏览器中打开同一界面（basedesk serve，数据目录相同）。\n`);
const serveArgs = [...(dataDir ? ['--data-dir', dataDir] : []), ...(options.port ? ['--port', options.port] : [])];
process.exit(await serveInBrowser(ROOT, serveArgs, env));
