import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/errors';
import { signingKeyFromSeed, type PublicKey, type SigningKey } from '../crypto/signing-key';
import type { KeyProtector } from '../outbox/key-protector';
import { DB_KEY_BYTES } from './cipher';
import { dbKeyFilePath } from './file-names';
import { ensurePrivateDir, PRIVATE_FILE_MODE, partNameFor, restrictUmask, writePrivateFileAtomic } from './private-files';

/**
 * The database key at rest: 32 random bytes, never stored in clear, sealed by the same protectors that seal
 * the signing key (a passphrase through scrypt + AES-GCM in the CLI and `serve`, the OS keychain in the app).
 * The protectors seal Ed25519 seeds; any 32 random bytes are one, so the database key travels as a seed and
 * its derived public key lets an opened seal be checked against this file. A passphrase change re-seals
 * this file only: the database, its WAL and its backups keep the same key. The file's name: file-names.ts.
 */
export { DB_KEY_FILE_NAME, dbKeyFilePath } from './file-names';

export type DbKeyFile = {
  format: 'basedesk-db-key';
  version: 1;
  keyId: string; // hex, 8 bytes
  publicKey: string; // base64, 32 bytes
  /** One seal per protector scheme (`passphrase-scrypt`, `electron-safestorage`). */
  seals: Record<string, string>;
};

const keyFileSchema = z.object({
  format: z.literal('basedesk-db-key'),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
  seals: z.record(z.string(), z.string()),
});

export function hasDbKeyFile(dataDir: string): boolean {
  return existsSync(dbKeyFilePath(dataDir));
}

/**
 * A new random key sealed into the data folder's key file. Never replaces an existing file: when two
 * processes start on a new folder at once, the one that loses the race uses the winner's key.
 */
export async function createOrLoadDbKey(dataDir: string, protector: KeyProtector): Promise<Uint8Array> {
  const target = dbKeyFilePath(dataDir);
  if (existsSync(target)) return loadDbKey(dataDir, protector);
  restrictUmask();
  ensurePrivateDir(dataDir); // the key is made before the database, possibly in a folder not yet there
  const key = asSigningKey(randomBytes(DB_KEY_BYTES));
  const file: DbKeyFile = {
    format: 'basedesk-db-key',
    version: 1,
    keyId: Buffer.from(key.keyId).toString('hex'),
    publicKey: Buffer.from(key.publicKey).toString('base64'),
    seals: { [protector.scheme]: await sealWith(protector, key) },
  };
  if (!writeIfAbsent(target, `${JSON.stringify(file, null, 2)}\n`)) return loadDbKey(dataDir, protector);
  return key.secretKey;
}

/** The key sealed in the data folder, opened by `protector`: DB_KEY_WRONG when it cannot open it. */
export async function loadDbKey(dataDir: string, protector: KeyProtector): Promise<Uint8Array> {
  const file = readKeyFile(dataDir);
  const sealed = file.seals[protector.scheme];
  if (sealed === undefined) throw sealMissing(protector.scheme);
  const key = await openWith(protector, sealed, publicKeyOf(file));
  return key.secretKey;
}

/**
 * Re-seals the key under `next` (a new passphrase): opened with `current`, written atomically. Seals of
 * other schemes stay; the database itself is not touched.
 */
export async function resealDbKey(dataDir: string, current: KeyProtector, next: KeyProtector): Promise<void> {
  const file = readKeyFile(dataDir);
  const sealed = file.seals[current.scheme];
  if (sealed === undefined) throw sealMissing(current.scheme);
  const key = await openWith(current, sealed, publicKeyOf(file));
  const seals = { ...file.seals, [next.scheme]: await sealWith(next, key) };
  writePrivateFileAtomic(dbKeyFilePath(dataDir), `${JSON.stringify({ ...file, seals }, null, 2)}\n`);
}

/** Writes a new key file only if none exists (link refuses to replace), complete and 0600 from the start. */
function writeIfAbsent(target: string, text: string): boolean {
  const part = partNameFor(target);
  writeFileSync(part, text, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  try {
    linkSync(part, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    rmSync(part, { force: true });
  }
}

function readKeyFile(dataDir: string): DbKeyFile {
  const path = dbKeyFilePath(dataDir);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError(
      'DB_KEY_FILE_MISSING',
      `找不到数据库密钥文件 ${path}：数据库已加密，没有它无法打开。请从备份中恢复该文件（与数据库放在同一目录）。`,
      { file: path },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new AppError('DB_KEY_FORMAT', `数据库密钥文件格式不正确：${path}。请从备份中恢复该文件。`, { file: path });
  }
  return result.data;
}

function asSigningKey(seed: Uint8Array): SigningKey {
  return signingKeyFromSeed(randomBytes(8), seed);
}

function publicKeyOf(file: DbKeyFile): PublicKey {
  return { keyId: Buffer.from(file.keyId, 'hex'), publicKey: Buffer.from(file.publicKey, 'base64') };
}

async function sealWith(protector: KeyProtector, key: SigningKey): Promise<string> {
  try {
    return await protector.seal(key);
  } catch (e) {
    if (isAppError(e) && e.code === 'KEY_PASSPHRASE_WEAK') {
      throw new AppError('DB_PASSPHRASE_WEAK', e.message.replace('签名私钥口令', '数据库口令'));
    }
    throw keychainUnavailable(e);
  }
}

/** The keychain protector's own message speaks of the signing key; here it is the database's key. */
function keychainUnavailable(e: unknown): unknown {
  if (!isAppError(e) || e.code !== 'KEY_KEYCHAIN_UNAVAILABLE') return e;
  return new AppError(
    'DB_KEY_REQUIRED',
    '系统钥匙串不可用，无法保管数据库密钥。请登录带钥匙串的桌面会话，或设置环境变量 BASEDESK_DB_PASSPHRASE 后重新启动。',
  );
}

async function openWith(protector: KeyProtector, sealed: string, expected: PublicKey): Promise<SigningKey> {
  try {
    return await protector.open(sealed, expected);
  } catch (e) {
    if (isAppError(e) && ['KEY_PASSPHRASE_WRONG', 'KEY_KEYCHAIN_DECRYPT', 'KEY_FORMAT'].includes(e.code)) {
      throw new AppError(
        'DB_KEY_WRONG',
        protector.scheme === 'passphrase-scrypt'
          ? '数据库口令不正确，无法打开数据库。请检查 BASEDESK_DB_PASSPHRASE（注意大小写和输入法）后重试。'
          : '系统钥匙串无法解开数据库密钥（可能换了电脑或系统账户）。请在原电脑、原账户上打开，或设置 BASEDESK_DB_PASSPHRASE 用口令打开。',
      );
    }
    throw keychainUnavailable(e);
  }
}

function sealMissing(scheme: string): AppError {
  return new AppError(
    'DB_KEY_REQUIRED',
    scheme === 'passphrase-scrypt'
      ? '这个数据目录的数据库密钥没有用口令保存（由桌面程序的系统钥匙串保存），命令行无法打开。请在桌面程序中使用，或在设置了 BASEDESK_DB_PASSPHRASE 的情况下启动桌面程序。'
      : '这个数据目录的数据库密钥由口令保存：请设置环境变量 BASEDESK_DB_PASSPHRASE 后再启动。',
    { scheme },
  );
}
