import type { Command } from 'commander';
import { anonymous, withCore, type GlobalOptions } from '../context';
import { print, reportFailure, type CliIo } from '../io';

/**
 * `status`, a group of its own: the command scripts and the start-up benchmark run most, it loads nothing
 * beyond opening the folder and the one op it calls.
 */
export function registerStatus(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('显示基地、数据目录与数据库版本')
    .action(async (_o: unknown, cmd: Command) => showStatus(io, cmd.optsWithGlobals<GlobalOptions>()));
}

async function showStatus(io: CliIo, g: GlobalOptions): Promise<void> {
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
}

/**
 * `status` run without commander, for a line plainStatusOptions read (see plain-status.ts): the same output,
 * errors and exit code as through runCli.
 */
export async function runPlainStatus(io: CliIo, g: GlobalOptions): Promise<number> {
  try {
    await showStatus(io, g);
    return 0;
  } catch (e) {
    return reportFailure(io, !!g.json, e);
  }
}
