import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { cliDbKeySource, warnIfPlain } from '../db-key';
import { openCore } from '../../core/open-core';
import { defaultDataDir } from '../../core/paths';
import { isAppError } from '../../shared/errors';
import { isLoopbackHost, startHttpServer, type HttpServerOptions, type RunningServer } from '../../http/server';
import { CliExit, fail, type CliIo } from '../io';
import type { GlobalOptions } from '../context';

/** The built renderer sits next to the bundled CLI (out/main/cli.js -> out/renderer); in dev, under cwd. */
function findRendererDir(explicit?: string): string | null {
  const candidates = explicit
    ? [resolve(explicit)]
    : [join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer'), resolve('out', 'renderer')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('端口应为 0–65535 之间的整数。');
  return port;
}

/** A port someone else holds is no reason to refuse to start: say so and take a free one instead. */
async function listenOrFallBack(io: CliIo, options: HttpServerOptions & { port: number }): Promise<RunningServer> {
  try {
    return await startHttpServer(options);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) throw e;
    const server = await startHttpServer({ ...options, port: 0 });
    io.stderr.write(`端口 ${options.port} 已被占用，改用空闲端口 ${new URL(server.origin).port}。\n`);
    return server;
  }
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('在浏览器中打开同一界面：启动本机 HTTP 服务（仅 127.0.0.1，带一次性令牌），打印访问地址')
    .option('--port <n>', '端口（0 = 自动；被占用时改用空闲端口）', parsePort, 0)
    .option('--host <addr>', '监听地址（默认仅本机 127.0.0.1；其他地址需同时加 --allow-lan）', '127.0.0.1')
    .option('--allow-lan', '允许在非本机地址上监听（局域网内其他电脑可访问，HTTP 明文，不推荐）')
    .option('--renderer-dir <dir>', '界面文件目录（默认 out/renderer）')
    .action(async (o: { port: number; host: string; allowLan?: boolean; rendererDir?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const rendererDir = findRendererDir(o.rendererDir);
      if (!rendererDir) fail('RENDERER_NOT_BUILT', '找不到界面文件：请先运行 npm run build（或用 --renderer-dir 指定）。');
      let core;
      try {
        core = await openCore({ dataDir: g.dataDir ?? defaultDataDir(io.env), dbKey: cliDbKeySource(io) });
      } catch (e) {
        if (isAppError(e)) throw new CliExit(1, e.toApiError());
        throw e;
      }
      warnIfPlain(io, core.encrypted);
      let server: RunningServer;
      try {
        server = await listenOrFallBack(io, { core, rendererDir, host: o.host, port: o.port, allowLan: o.allowLan === true });
      } catch (e) {
        await core.close();
        if (isAppError(e)) throw new CliExit(1, e.toApiError());
        throw e;
      }
      if (!isLoopbackHost(o.host)) {
        io.stderr.write(
          `警告：正在 ${o.host} 上监听，局域网内的其他电脑可以访问本服务；通信为明文 HTTP，访问令牌和数据都可能被同一网络中的人看到。用完请立即停止。\n`,
        );
      }
      if (g.json) io.stdout.write(`${JSON.stringify({ url: server.url, dataDir: core.dataDir })}\n`);
      else io.stdout.write(`BaseDesk 已启动：${server.url}\n（数据目录 ${core.dataDir}；按 Ctrl+C 停止）\n`);
      await new Promise<void>((done) => {
        // Ctrl+C reaches every process in the terminal's group, and `npm start` forwards it again: a repeated
        // signal must not kill the process halfway through closing the database.
        let stopping = false;
        const stop = () => {
          if (stopping) return;
          stopping = true;
          void server
            .close()
            .then(() => core.close())
            .then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
