import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { TEST_DB_PASSPHRASE } from '../helpers/cli';

// What `npm start` runs. It starts the built CLI (out/main/cli.js) and serves the built renderer, like the
// end-to-end fixtures; `npm test` builds before running vitest.
const ROOT = resolve(import.meta.dirname, '..', '..');
const START = join(ROOT, 'scripts', 'start.js');
const BUILD = [join(ROOT, 'out', 'main', 'cli.js'), join(ROOT, 'out', 'renderer', 'index.html')];
const URL_LINE = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/;

type Exit = { code: number | null; signal: NodeJS.Signals | null };
/** `stdout` and `output` (both streams, in arrival order) hold every line printed so far. */
type Started = { child: ChildProcess; url: URL; stdout: string[]; output: string[]; exit: Promise<Exit> };

/**
 * The environment of a machine with no display and no Electron settings: anything Electron- or
 * npm-config-related from the outer shell (e.g. npm_config_electron_mirror) would change what is tested.
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/electron|^DISPLAY$|^WAYLAND_DISPLAY$|^BASEDESK_|^BROWSER$|^INIT_CWD$/i.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', BROWSER: 'none', BASEDESK_DB_PASSPHRASE: TEST_DB_PASSPHRASE, ...extra };
}

/** Starts `node scripts/start.js` and resolves once it prints the URL (every output line is kept). */
function start(args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, [START, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: string[] = [];
  const output: string[] = [];
  const exit = new Promise<Exit>((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return new Promise((ok, fail) => {
    createInterface({ input: child.stderr! }).on('line', (line) => output.push(line));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line);
      output.push(line);
      const url = URL_LINE.exec(line)?.[0];
      if (url) ok({ child, url: new URL(url), stdout, output, exit });
    });
    void exit.then((e) =>
      fail(new Error(`start.js exited before printing a URL (${e.code ?? e.signal}):\n${output.join('\n')}`)),
    );
  });
}

async function stop(started: Started, signal: NodeJS.Signals): Promise<Exit> {
  started.child.kill(signal);
  return started.exit;
}

/** The served page and the app state it would show (a new database: the setup wizard). */
async function visit(url: URL) {
  const page = await fetch(url);
  const status = await fetch(new URL('/api/system.status', url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-basedesk-token': url.searchParams.get('token')! },
    body: '{}',
  });
  const body = (await status.json()) as { ok: boolean; value: { initialized: boolean; dataDir: string } };
  return { status: page.status, type: page.headers.get('content-type'), html: await page.text(), app: body.value };
}

function listen(server: Server): Promise<number> {
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as { port: number }).port)));
}

function close(server: Server): Promise<void> {
  return new Promise((ok) => server.close(() => ok()));
}

/** Resolves with the text of `dir/name` once it exists (the writer renames it into place whole). */
function fileAppears(dir: string, name: string): Promise<string> {
  return new Promise((ok) => {
    const watcher = watch(dir, () => check());
    const check = () => {
      if (!existsSync(join(dir, name))) return;
      watcher.close();
      ok(readFileSync(join(dir, name), 'utf8'));
    };
    check();
  });
}

// Each case starts two Node processes and opens a database: generous on a shared, busy machine.
describe('npm start (scripts/start.js)', { timeout: 90_000 }, () => {
  beforeAll(() => {
    if (BUILD.some((f) => !existsSync(f))) {
      throw new Error('找不到构建输出（out/main/cli.js、out/renderer）：请先运行 npx electron-vite build。');
    }
  });

  it('with BASEDESK_NO_ELECTRON=1 says so in one line, serves the setup wizard on the data folder, exits 0 on SIGINT', async () => {
    const dataDir = tempDir();
    const started = await start(['--data-dir', dataDir], cleanEnv({ BASEDESK_NO_ELECTRON: '1' }));
    try {
      // stdout only: the core may warn about slow queries on stderr on a busy machine.
      const before = started.stdout.slice(
        0,
        started.stdout.findIndex((l) => URL_LINE.test(l)),
      );
      expect(before).toEqual([
        '已设置 BASEDESK_NO_ELECTRON=1，不启动桌面窗口。改为在浏览器中打开同一界面（basedesk serve，数据目录相同）。',
      ]);
      const seen = await visit(started.url);
      expect(seen.status).toBe(200);
      expect(seen.type).toMatch(/^text\/html/);
      expect(seen.html).toContain('<div id="root">');
      expect(seen.app).toMatchObject({ initialized: false, dataDir });
    } finally {
      expect(await stop(started, 'SIGINT')).toEqual({ code: 0, signal: null });
    }
  });

  it('without an Electron binary and with a silent download host, gives up within seconds and serves instead', async () => {
    const scratch = tempDir();
    // Accepts connections and never answers: a blackholed host, the case that would otherwise hang for minutes.
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    const connected = new Promise<void>((ok) => silent.once('connection', () => ok()));
    const port = await listen(silent);
    try {
      const started = await start(
        ['--data-dir', join(scratch, 'data')],
        cleanEnv({
          // A display, so the desktop window is attempted on Linux too; BROWSER=none keeps any browser shut.
          DISPLAY: ':99',
          ELECTRON_OVERRIDE_DIST_PATH: join(scratch, 'no-electron'),
          electron_config_cache: join(scratch, 'electron-cache'),
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
        }),
      );
      try {
        await connected;
        expect(started.output).toContainEqual(
          `无法获取 Electron 程序：127.0.0.1:${port} 在 6 秒内没有响应。改为在浏览器中打开同一界面（basedesk serve，数据目录相同）。`,
        );
        expect((await visit(started.url)).status).toBe(200);
      } finally {
        expect(await stop(started, 'SIGINT')).toEqual({ code: 0, signal: null });
      }
    } finally {
      held.forEach((s) => s.destroy());
      await close(silent);
    }
  });

  it('takes a free port when the one asked for is busy, resolves --data-dir from where npm was run, exits 0 on SIGTERM', async () => {
    const cwd = tempDir();
    const busy = createServer();
    const busyPort = await listen(busy);
    try {
      const started = await start(
        ['--port', String(busyPort), '--data-dir', 'data'],
        cleanEnv({ BASEDESK_NO_ELECTRON: '1', INIT_CWD: cwd }),
      );
      try {
        expect(started.url.port).not.toBe(String(busyPort));
        expect(started.output).toContain(`端口 ${busyPort} 已被占用，改用空闲端口 ${started.url.port}。`);
        const seen = await visit(started.url);
        expect(seen.status).toBe(200);
        expect(seen.app.dataDir).toBe(join(cwd, 'data'));
      } finally {
        expect(await stop(started, 'SIGTERM')).toEqual({ code: 0, signal: null });
      }
    } finally {
      await close(busy);
    }
  });

  // The system opener is replaced by a script on PATH; Windows' `start` is built into cmd and cannot be.
  it.skipIf(process.platform === 'win32')('opens the printed URL in the system browser where there is a display', async () => {
    const bin = tempDir();
    const record = tempDir();
    const fakeOpener = `#!/bin/sh\nprintf '%s' "$1" > "${record}/url.tmp" && mv "${record}/url.tmp" "${record}/url"\n`;
    for (const name of ['xdg-open', 'open']) {
      writeFileSync(join(bin, name), fakeOpener);
      chmodSync(join(bin, name), 0o755);
    }
    const env = cleanEnv({ BASEDESK_NO_ELECTRON: '1', DISPLAY: ':99', PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` });
    delete env.BROWSER;
    const started = await start(['--data-dir', tempDir()], env);
    try {
      expect(await fileAppears(record, 'url')).toBe(started.url.href);
    } finally {
      expect(await stop(started, 'SIGINT')).toEqual({ code: 0, signal: null });
    }
  });
});

describe('the browser opener', () => {
  type Opener = { command: string; args: string[] } | null;
  const load = async () =>
    (await import(pathToFileURL(join(ROOT, 'scripts', 'open-browser.js')).href)) as {
      browserOpener(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Opener;
    };
  const url = 'http://127.0.0.1:4000/?token=abc';

  it('is skipped on a headless Linux and when BROWSER=none, and is the platform opener otherwise', async () => {
    const { browserOpener } = await load();
    expect(browserOpener(url, 'linux', {})).toBeNull();
    expect(browserOpener(url, 'linux', { DISPLAY: ':0', BROWSER: 'none' })).toBeNull();
    expect(browserOpener(url, 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserOpener(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserOpener(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    expect(browserOpener(url, 'win32', {})).toEqual({ command: 'cmd', args: ['/c', 'start', '', url] });
  });
});
