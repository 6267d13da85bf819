import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { checkDatabase } from './check';
import { databaseFileState, rekeyPlainConnection } from './cipher';
import { createOrLoadDbKey } from './db-key';
import type { DbKeySource } from './key-source';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictUmask } from './private-files';

export type EncryptResult = { file: string; backups: string[] };

/**
 * `basedesk db encrypt` and the app's start-up question: seals a new key into the data folder (or uses
 * the one an interrupted earlier attempt sealed) and converts the database and its backups.
 */
export async function encryptDataFolder(
  dataDir: string,
  dbFile: string,
  source: DbKeySource,
  options: { nativeBinding?: string } = {},
): Promise<EncryptResult> {
  const state = databaseFileState(dbFile);
  if (state === 'encrypted') throw new AppError('DB_ALREADY_ENCRYPTED', '数据库已经是加密的，无需再次加密。');
  if (state === 'new') {
    throw new AppError('DB_NOT_FOUND', `数据目录中还没有数据库：${dbFile}。新建的数据目录从一开始就是加密的，无需此步骤。`);
  }
  const key = 'key' in source ? source.key : await createOrLoadDbKey(dataDir, source.protector);
  return encryptDatabaseInPlace(dataDir, dbFile, key, options);
}

/**
 * Converts a plain database, and the plain backups next to it, to encrypted ones under `key`.
 *
 * Each file is copied under a temporary name in `<data>/tmp` (cleaned at start-up after a crash), the copy
 * is encrypted there (SQLite's rekey rewrites every page), checked (opens, integrity and foreign keys, same
 * schema version), and only then renamed over the original: at no point is the original damaged, and
 * afterwards no plain copy is left under any name. The live database is first taken out of WAL mode (which
 * folds the WAL into the file and removes it) and locked exclusively while it is copied, so nothing is
 * written meanwhile; when another process has it open, that fails and nothing changes.
 */
export function encryptDatabaseInPlace(
  dataDir: string,
  dbFile: string,
  key: Uint8Array,
  options: { nativeBinding?: string } = {},
): EncryptResult {
  restrictUmask();
  const state = databaseFileState(dbFile);
  if (state === 'encrypted') throw new AppError('DB_ALREADY_ENCRYPTED', '数据库已经是加密的，无需再次加密。');
  if (state !== 'plain') throw new AppError('DB_NOT_SQLITE', `数据文件不是可加密的 SQLite 数据库：${dbFile}。`);
  const tmpDir = join(dataDir, 'tmp');
  ensurePrivateDir(tmpDir);
  const live = new Database(dbFile, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    takeExclusive(live);
    encryptFileCopy(dbFile, key, tmpDir, options.nativeBinding);
    live.exec('ROLLBACK');
  } finally {
    live.close();
  }
  return { file: dbFile, backups: encryptPlainBackups(join(dataDir, 'backups'), key, tmpDir, options.nativeBinding) };
}

function takeExclusive(live: Database.Database): void {
  live.pragma('busy_timeout = 2000');
  try {
    const mode = live.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error('journal mode unchanged'), { code: 'SQLITE_BUSY' });
    live.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new AppError(
        'DB_IN_USE',
        '数据库正被其他 BaseDesk 程序使用，无法加密。请先关闭桌面程序、basedesk serve 和其他命令行窗口后重试（数据未作任何改动）。',
      );
    }
    throw e;
  }
}

/** Copy, encrypt, verify, rename over `file`. The temporary copy is removed on any failure. */
function encryptFileCopy(file: string, key: Uint8Array, tmpDir: string, nativeBinding?: string): void {
  const part = join(tmpDir, `${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
  try {
    copyFileSync(file, part);
    chmodSync(part, PRIVATE_FILE_MODE);
    const copy = new Database(part, nativeBinding ? { nativeBinding } : {});
    try {
      const version = copy.pragma('user_version', { simple: true });
      copy.pragma('journal_mode = DELETE');
      rekeyPlainConnection(copy, key);
      copy.pragma('journal_mode = WAL');
      verifyCopy(copy, version);
    } finally {
      copy.close();
    }
    renameSync(part, file);
  } finally {
    rmSync(part, { force: true });
    removeJournalSiblings(part);
  }
}

function verifyCopy(copy: Database.Database, expectedVersion: unknown): void {
  const report = checkDatabase(copy);
  if (!report.ok || report.schemaVersion !== expectedVersion) {
    throw new AppError(
      'DB_ENCRYPT_VERIFY_FAILED',
      '加密后的数据库未通过检查，已放弃加密，原数据库保持不变。请先运行 basedesk db check 排查问题后重试。',
      { integrity: report.integrity.slice(0, 5), foreignKeys: report.foreignKeys.length },
    );
  }
}

function encryptPlainBackups(backupDir: string, key: Uint8Array, tmpDir: string, nativeBinding?: string): string[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  const done: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.sqlite'))) {
    const path = join(backupDir, name);
    if (databaseFileState(path) !== 'plain') continue;
    encryptFileCopy(path, key, tmpDir, nativeBinding);
    done.push(path);
  }
  return done;
}

/** What SQLite may leave next to the temporary copy (never called on a live database's name). */
function removeJournalSiblings(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
