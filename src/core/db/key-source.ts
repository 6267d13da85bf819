import { AppError } from '../../shared/errors';
import type { KeyProtector } from '../outbox/key-protector';
import { databaseFileState } from './cipher';
import { createOrLoadDbKey, hasDbKeyFile, loadDbKey } from './db-key';

/**
 * How `openCore` gets the database key. The transports build it (the CLI and `serve` from
 * BASEDESK_DB_PASSPHRASE or a prompt, the app from the OS keychain); the core never reads the environment.
 * - `protector`: the key sealed in the data folder's key file, created with the database on first open;
 * - `key`: a raw 32-byte key the caller already holds (tests, benchmarks).
 * Without one, only a plain database opens (an older folder, or a benchmark's plain baseline).
 */
export type DbKeySource = { protector: KeyProtector } | { key: Uint8Array };

/**
 * The key to open `dbFile` with, or null for a plain database. A plain database keeps opening plain until
 * it is converted (`basedesk db encrypt`, or the app's question at start-up): converting is a deliberate
 * step, never a side effect of opening.
 */
export async function resolveDbKey(dataDir: string, dbFile: string, source?: DbKeySource): Promise<Uint8Array | null> {
  const state = databaseFileState(dbFile);
  if (state === 'plain' || state === 'other') return null; // 'other': opening answers DB_NOT_SQLITE
  if (!source) {
    if (state === 'encrypted' || hasDbKeyFile(dataDir)) throw keyRequired();
    return null;
  }
  if ('key' in source) return source.key;
  return state === 'new' ? createOrLoadDbKey(dataDir, source.protector) : loadDbKey(dataDir, source.protector);
}

export function keyRequired(): AppError {
  return new AppError(
    'DB_KEY_REQUIRED',
    '数据库已加密，需要数据库口令才能打开：请设置环境变量 BASEDESK_DB_PASSPHRASE（或在终端按提示输入）后重试。',
  );
}
