import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { applyDbKey, databaseFileState } from './cipher';
import { ImmediateSqliteDialect } from './immediate-dialect';
import { removeLeftovers } from './leftovers';
import { startIdleCheckpoint, WAL_AUTOCHECKPOINT_PAGES } from './idle-checkpoint';
import { ensurePrivateDir, ensurePrivateFile, makeDataDirPrivate, restrictUmask } from './private-files';
import { LATEST_SCHEMA_VERSION, loadMigrations } from './migrations';
import type { DB } from './schema';

export type OpenDatabaseOptions = {
  file: string;
  /**
   * Path to a better-sqlite3 `.node` binary. Electron needs one built for its own ABI, plain Node (tests,
   * CLI) uses the default build in node_modules. See README "Two native builds".
   */
  nativeBinding?: string;
  /** Where the pre-migration backup copy goes; defaults to `<dir of file>/backups`. */
  backupDir?: string;
  /**
   * Queries slower than this are logged (Signal uses 40 ms). Off unless asked for, here or through
   * BASEDESK_SLOW_QUERY_MS: it is a tool for whoever is tuning, and on a user's terminal or in a test run it
   * is noise on stderr.
   */
  slowQueryMs?: number;
  log?: (line: string) => void;
  /** Apply migrations up to this version only (migration tests). */
  targetVersion?: number;
  /**
   * The raw 32-byte key: a new file is created encrypted with it, an encrypted one opened with it. A plain
   * file stays plain (converting it is `encryptDatabaseInPlace`). See README "数据存放与加密".
   */
  key?: Uint8Array | null;
};

export type OpenedDatabase = {
  db: Kysely<DB>;
  raw: Database.Database;
  file: string;
  schemaVersion: number;
  backupFile: string | null;
  /** Whether the file is encrypted at rest (false: a plain database from an older version). */
  encrypted: boolean;
  close(): Promise<void>;
};

function assertLooksLikeSqlite(file: string): void {
  if (databaseFileState(file) !== 'other') return;
  throw new AppError(
    'DB_NOT_SQLITE',
    `数据文件不是 BaseDesk 的数据库（不是 SQLite 文件）：${file}。请检查数据目录是否选错，或从 backups 目录恢复备份。`,
    { file },
  );
}

function wrapSqliteError(e: unknown, file: string, keyed: boolean): never {
  const code = (e as { code?: string }).code ?? '';
  if (keyed && code === 'SQLITE_NOTADB') {
    // With a key, a wrong key and a damaged first page look the same to SQLite: say both.
    throw new AppError(
      'DB_KEY_WRONG',
      `数据库密钥不正确，无法打开：${file}。请确认数据库口令与密钥文件 basedesk-key.json 属于这个数据目录；若确认无误，文件可能已损坏，请从 backups 目录恢复备份。`,
      { file },
    );
  }
  if (!keyed && code === 'SQLITE_NOTADB' && databaseFileState(file) === 'encrypted') {
    throw new AppError(
      'DB_KEY_REQUIRED',
      `数据库已加密，需要数据库口令才能打开：${file}。请设置环境变量 BASEDESK_DB_PASSPHRASE 后重试。`,
      {
        file,
      },
    );
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT')) {
    throw new AppError(
      'DB_CORRUPT',
      `数据库文件已损坏，无法打开：${file}。请勿继续写入，从 backups 目录中最近的备份恢复（见 README“备份与恢复”）。`,
      { file, sqliteCode: code },
    );
  }
  throw e;
}

/**
 * Loads the native driver (otherwise loaded by the first connection), for a caller with time to spare: the
 * CLI calls it while the passphrase's scrypt runs on another thread. A driver that fails to load is left to
 * the real open to report.
 */
export function loadNativeDriver(nativeBinding?: string): void {
  try {
    new Database(':memory:', nativeBinding ? { nativeBinding } : {}).close();
  } catch {
    // reported by openDatabase, with the data folder's context
  }
}

/**
 * Each connection's page cache, in KiB. The file is encrypted page by page, so every page SQLite reads from the
 * OS is decrypted and its HMAC checked again; SQLite's 2 MiB default held less than one cohort's scores, and a
 * ranking or admission run decrypted the same pages over and over (the ranking's read took 74 ms instead of 46).
 * 64 MiB holds a 20,000-applicant cohort's working set; it is a ceiling, used only as pages are read.
 */
export const PAGE_CACHE_KIB = 64 * 1024;

/** A connection with the key applied (new or encrypted file) and the pragmas every connection uses. */
function connect(options: OpenDatabaseOptions, keyed: boolean): Database.Database {
  const raw = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    if (keyed) applyDbKey(raw, options.key!);
    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    raw.pragma('synchronous = NORMAL');
    raw.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    return raw;
  } catch (e) {
    raw.close();
    wrapSqliteError(e, options.file, keyed);
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { file } = options;
  const dataDir = dirname(file);
  restrictUmask();
  ensurePrivateDir(dataDir);
  assertLooksLikeSqlite(file);
  const keyed = !!options.key && databaseFileState(file) !== 'plain';
  ensurePrivateFile(file);
  const raw = connect(options, keyed);

  let version: number;
  try {
    version = raw.pragma('user_version', { simple: true }) as number;
    // Touch the schema so a corrupt page in sqlite_master surfaces now, not mid-operation.
    raw.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    raw.close();
    wrapSqliteError(e, file, keyed);
  }

  if (version > LATEST_SCHEMA_VERSION) {
    raw.close();
    throw new AppError(
      'DB_TOO_NEW',
      `这个数据库由更新版本的 BaseDesk 写入（数据库版本 ${version}，本程序只支持到 ${LATEST_SCHEMA_VERSION}）。请升级 BaseDesk 后再打开；为保护数据，本版本不会修改它。`,
      { file, schemaVersion: version, supported: LATEST_SCHEMA_VERSION },
    );
  }

  const slowMs = options.slowQueryMs ?? slowQueryThresholdFromEnv();
  const log = options.log ?? ((line: string) => console.warn(line));
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect(raw),
    log(event) {
      if (event.level === 'query' && slowMs > 0 && event.queryDurationMillis > slowMs) {
        log(`[slow-query] ${event.queryDurationMillis.toFixed(1)} ms: ${event.query.sql.slice(0, 200)}`);
      }
    },
  });

  const target = options.targetVersion ?? LATEST_SCHEMA_VERSION;
  let backupFile: string | null = null;
  if (version < target) {
    if (version > 0) backupFile = backupDatabase(raw, file, `v${version}`, options.backupDir);
    const result = await migrate(db, version, target);
    version = result.version;
    if (!result.migrated && backupFile) {
      // Another process migrated first (and took its own backup): ours is a duplicate.
      rmSync(backupFile, { force: true });
      backupFile = null;
    }
  }
  removeLeftovers(dataDir);
  makeDataDirPrivate(dataDir, file);
  const stopCheckpoints = startIdleCheckpoint(raw);

  return {
    db,
    raw,
    file,
    schemaVersion: version,
    backupFile,
    encrypted: keyed,
    async close() {
      stopCheckpoints();
      await db.destroy(); // closes the better-sqlite3 handle too
    },
  };
}

/**
 * Runs the pending migrations in one write transaction. The version is read again inside it, after
 * BEGIN IMMEDIATE took the write lock: when several processes start on an old database at once, the
 * first migrates and the others find the new version instead of running the same migrations again.
 */
async function migrate(db: Kysely<DB>, seen: number, target: number): Promise<{ version: number; migrated: boolean }> {
  // Loaded before the write lock is taken, from the version seen at open (another process may have moved it).
  const loaded = await loadMigrations(seen, target);
  return db.transaction().execute(async (trx) => {
    const current = (await sql<{ user_version: number }>`PRAGMA user_version`.execute(trx)).rows[0]!.user_version;
    if (current >= target) return { version: current, migrated: false };
    const ups = current >= seen ? loaded.slice(current - seen) : await loadMigrations(current, target);
    for (const up of ups) await up(trx);
    await sql.raw(`PRAGMA user_version = ${target}`).execute(trx);
    return { version: target, migrated: true };
  });
}

/**
 * A consistent snapshot (VACUUM INTO works under WAL and concurrent readers), taken before any schema
 * change; written under a temporary name and renamed once complete, so a file named like a backup is a
 * whole one. VACUUM INTO writes with the connection's cipher and key: an encrypted database's backups are
 * encrypted with the same key (they open with the same key file).
 */
export function backupDatabase(raw: Database.Database, file: string, label: string, dir?: string): string {
  const backupDir = dir ?? join(dirname(file), 'backups');
  mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(backupDir, `basedesk-${label}-${stamp}.sqlite`);
  const part = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.part`;
  try {
    raw.prepare('VACUUM INTO ?').run(part);
    renameSync(part, target);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
  return target;
}

/** BASEDESK_SLOW_QUERY_MS as a positive number of milliseconds, or 0 (off) when unset or not a number. */
function slowQueryThresholdFromEnv(): number {
  const ms = Number(process.env['BASEDESK_SLOW_QUERY_MS'] ?? '');
  return Number.isFinite(ms) && ms > 0 ? ms : 0;
}
