#!/usr/bin/env node
// `npm start`: launch the desktop app. Electron 45+ fetches its binary on first run; where its download host
// cannot be reached (as on this project's build machines), say so in one line and point to the browser UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const binary = () => {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const p = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(p) ? p : null;
};

let electron = binary();
if (!electron) {
  process.stdout.write('正在下载 Electron（仅首次）…\n');
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 180_000 });
  electron = binary();
}
if (!electron) {
  console.error(
    '无法获取 Electron 程序（无法访问其下载服务器），桌面窗口无法启动：请运行 `npx basedesk serve`，在浏览器中打开同一界面。',
  );
  process.exit(1);
}
const r = spawnSync(electron, ['.'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
