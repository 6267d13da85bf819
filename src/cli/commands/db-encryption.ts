import type { Command } from 'commander';
import { join } from 'node:path';
import { databaseFileState } from '../../core/db/cipher';
import { dbKeyFilePath, resealDbKey } from '../../core/db/db-key';
import { DB_FILE_NAME } from '../../core/open-core';
import { defaultDataDir } from '../../core/paths';
import { isAppError } from '../../shared/errors';
import type { GlobalOptions } from '../context';
import { cliDbKeySource } from '../db-key';
import { CliExit, fail, print, type CliIo } from '../io';

const NEW_PASSPHRASE_ENV = 'BASEDESK_DB_NEW_PASSPHRASE';

/** `db encrypt` and `db rekey`, under the `db` command `init.ts` creates (or a new one). */
export function registerDbEncryption(program: Command, io: CliIo): void {
  const db = program.commands.find((c) => c.name() === 'db') ?? program.command('db').description('数据库维护');
  db.command('encrypt')
    .description('把旧版未加密的数据库（连同 backups 中的备份）就地加密；口令取自 BASEDESK_DB_PASSPHRASE 或终端输入')
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const dataDir = g.dataDir ?? defaultDataDir(io.env);
      // Imported here: it loads the native driver, which the other commands of this group need later or never.
      const { encryptDataFolder } = await import('../../core/db/encrypt-in-place');
      const result = await coded(() => encryptDataFolder(dataDir, join(dataDir, DB_FILE_NAME), cliDbKeySource(io)));
      const value = { encrypted: true, file: result.file, backups: result.backups.length, keyFile: dbKeyFilePath(dataDir) };
      print(io, !!g.json, value, () =>
        [
          `已加密数据库：${result.file}（同时加密了 ${result.backups.length} 个备份）`,
          `密钥文件：${value.keyFile}。请把它与备份一起保管：丢失它或忘记口令，数据将无法打开。`,
        ].join('\n'),
      );
    });
  db.command('rekey')
    .description(
      '更换数据库口令（只重新封装密钥文件，数据与备份不变）；旧口令取自 BASEDESK_DB_PASSPHRASE，新口令取自 BASEDESK_DB_NEW_PASSPHRASE 或终端输入',
    )
    .action(async (_o: unknown, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const dataDir = g.dataDir ?? defaultDataDir(io.env);
      if (databaseFileState(join(dataDir, DB_FILE_NAME)) !== 'encrypted') {
        fail('DB_NOT_ENCRYPTED', '数据库尚未加密，没有口令可换。请先运行 basedesk db encrypt。');
      }
      const current = cliDbKeySource(io);
      const next = cliDbKeySource(io, NEW_PASSPHRASE_ENV, '新的数据库口令：');
      await coded(() => resealDbKey(dataDir, current.protector, next.protector));
      print(io, !!g.json, { rekeyed: true, keyFile: dbKeyFilePath(dataDir) }, () => '已更换数据库口令。今后请用新口令打开。');
    });
}

async function coded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isAppError(e)) throw new CliExit(1, e.toApiError());
    throw e;
  }
}
