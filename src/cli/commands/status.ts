import type { Command } from 'commander';
import { anonymous, withCore, type GlobalOptions } from '../context';
import { print, type CliIo } from '../io';

/**
 * `status`, a group of its own: the command scripts and the start-up benchmark run most, it loads nothing
 * beyond opening the folder and the one op it calls.
 */
export function registerStatus(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('显示基地、数据目录与数据库版本')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      await withCore(
        io,
        g,
        async (core) => {
          const status = await anonymous(core, io, g).call('system.status');
          print(io, !!g.json, status, () =>
            status.initialized
              ? `${status.base!.name}（${status.base!.code}）${status.base!.cohortYear} 级；数据库版本 ${status.schemaVersion}；站点 ${status.stationId}；数据目录 ${status.dataDir}`
              : `尚未初始化（数据目录 ${status.dataDir}）：请运行 basedesk init`,
          );
        },
        ['system.status'],
      );
    });
}
