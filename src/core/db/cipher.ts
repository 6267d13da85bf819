import type Database from 'better-sqlite3-multiple-ciphers';
import { createHmac } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../shared/errors';

/** Raw database keys are 32 random bytes (AES-256), applied as SQLCipher raw keys: no KDF on each open. */
export const DB_KEY_BYTES = 32;

const SQLITE_MAGIC = 'SQLite format 3\u0000';
/** SQLCipher pages are 4096 bytes here, and every SQLite page size is a multiple of 512. */
const PAGE_GRANULE = 512;

/**
 * What a database file holds, judged from its size and header without opening it:
 * new (missing or empty), plain SQLite, encrypted (page-sized, no SQLite header), or something else.
 */
export type DatabaseFileState = 'new' | 'plain' | 'encrypted' | 'other';

export function databaseFileState(file: string): DatabaseFileState {
  if (!existsSync(file)) return 'new';
  const size = statSync(file).size;
  if (size === 0) return 'new';
  const head = readHead(file);
  if (size >= 100 && head === SQLITE_MAGIC) return 'plain';
  return size % PAGE_GRANULE === 0 ? 'encrypted' : 'other';
}

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Keys a freshly opened connection, before anything reads the file. SQLCipher 4 settings (legacy = 4), so
 * the file opens in SQLCipher's own tools with `PRAGMA key = "x'…'"` too. The key is given raw (hex): it is
 * already random, and a passphrase KDF here would cost every open (every CLI command) a quarter second.
 *
 * The raw key carries the salt a NEW file gets (an existing file keeps the salt in its header). Left to
 * itself SQLCipher picks a random salt per connection, so when two processes open a new data folder at
 * once, the one that looked at the still-empty file before the other wrote it holds another salt and finds
 * "not a database" (reported as a wrong passphrase). A salt derived from the key is the same in every
 * process; the key is random per folder, so the salt still differs between folders.
 */
export function applyDbKey(raw: Database.Database, key: Uint8Array): void {
  if (key.length !== DB_KEY_BYTES) {
    throw new AppError('DB_KEY_FORMAT', `数据库密钥长度不正确（应为 ${DB_KEY_BYTES} 字节）。请检查密钥文件是否被改动。`);
  }
  useSqlcipher(raw);
  raw.pragma(`key = "x'${Buffer.from(key).toString('hex')}${newFileSalt(key)}'"`);
}

/** 16 bytes, hex: SQLCipher's salt length. */
function newFileSalt(key: Uint8Array): string {
  return createHmac('sha256', key).update('basedesk sqlcipher salt').digest().subarray(0, 16).toString('hex');
}

/** Turns a plain connection's file (journal mode DELETE, no other connection) into an encrypted one. */
export function rekeyPlainConnection(raw: Database.Database, key: Uint8Array): void {
  useSqlcipher(raw);
  raw.pragma(`rekey = "x'${Buffer.from(key).toString('hex')}'"`);
}

/**
 * A plain SQLite build (say, a stale native binary of the older driver) ignores these pragmas and would
 * write the new database in clear: refuse instead.
 */
function useSqlcipher(raw: Database.Database): void {
  raw.pragma("cipher = 'sqlcipher'");
  raw.pragma('legacy = 4');
  if (raw.pragma('cipher', { simple: true }) !== 'sqlcipher') {
    throw new AppError(
      'DB_CIPHER_UNAVAILABLE',
      '当前 SQLite 组件不支持数据库加密，为保护个人信息不会继续打开。请重新安装 BaseDesk（或按 README“两套原生构建”重新生成原生组件）。',
    );
  }
}
