/**
 * The app's database key and the one question it asks about an older, plain data folder. Kept free of
 * Electron imports (the keychain and the dialog are passed in) so it is tested under plain Node.
 */
import { join } from 'node:path';
import { databaseFileState } from '../core/db/cipher';
import { encryptDataFolder } from '../core/db/encrypt-in-place';
import type { DbKeySource } from '../core/db/key-source';
import { DB_FILE_NAME } from '../core/open-core';
import { passphraseProtector, type KeyProtector } from '../core/outbox/key-protector';

/**
 * The OS keychain seals the database key; BASEDESK_DB_PASSPHRASE (a server, CI, or a folder shared with
 * the CLI) switches to the passphrase, as BASEDESK_KEY_PASSPHRASE does for the signing key.
 */
export function appDbKeySource(keychain: KeyProtector, env: NodeJS.ProcessEnv = process.env): DbKeySource {
  const pass = env.BASEDESK_DB_PASSPHRASE;
  return { protector: pass ? passphraseProtector(() => pass) : keychain };
}

export type EncryptionOffer = 'not-needed' | 'declined' | 'encrypted';

/**
 * At start-up, a plain database (from an older version) is converted only if the user agrees, asked once
 * per start; declining keeps it working as before, and the question comes back next start.
 */
export async function offerEncryption(
  dataDir: string,
  source: DbKeySource,
  ask: () => Promise<boolean>,
  options: { nativeBinding?: string } = {},
): Promise<EncryptionOffer> {
  const dbFile = join(dataDir, DB_FILE_NAME);
  if (databaseFileState(dbFile) !== 'plain') return 'not-needed';
  if (!(await ask())) return 'declined';
  await encryptDataFolder(dataDir, dbFile, source, options);
  return 'encrypted';
}
