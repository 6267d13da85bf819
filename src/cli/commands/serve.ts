import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { openCore } from '../../core/open-core';
import { defaultDataDir } from '../../core/paths';
import { isAppError } from '../../shared/errors';
import { startHttpServer } from '../../http/server';
import { CliExit, fail, type CliIo } from '../io';
import type { GlobalOptions } from '../context';

/** The built renderer sits next to the bundled CLI (out/main/cli.js -> out/renderer); in dev, under cwd. */
function findRendererDir(explicit?: string): string | null {
  const candidates = explicit
    ? [resolve(explicit)]
    : [join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer'), resolve('out', 'renderer')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? null;
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('在浏览器中打开同一界面：启动本机 HTTP 服务（仅 127.0.0.1，带一次性令牌），打印访问地址')
    .option('--port <n>', '端口（0 = 自动）', (v) => Number(v), 0)
    .option('--host <addr>', '监听地址（默认仅本机 127.0.0.1）', '127.0.0.1')
    .option('--renderer-dir <dir>', '界面文件目录（默认 out/renderer）')
    .action(async (o: { port: number; host: string; rendererDir?: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const rendererDir = findRendererDir(o.rendererDir);
      if (!rendererDir) fail('RENDERER_NOT_BUILT', '找不到界面文件：请先运行 npm run build（或用 --renderer-dir 指定）。');
      let core;
      try {
        core = await openCore({ dataDir: g.dataDir ?? defaultDataDir(io.env) });
      } catch (e) {
        if (isAppError(e)) throw new CliExit(1, e.toApiError());
        throw e;
      }
      const server = await startHttpServer({ core, rendererDir, host: o.host, port: o.port });
      if (g.json) io.stdout.write(`${JSON.stringify({ url: server.url, dataDir: core.dataDir })}\n`);
      else io.stdout.write(`BaseDesk 已启动：${server.url}\n（数据目录 ${core.dataDir}；按 Ctrl+C 停止）\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          void server
            .close()
            .then(() => core.close())
            .then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
