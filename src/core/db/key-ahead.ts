import { existsSync, readFileSync } from 'node:fs';
import { SCRYPT_BOUNDS, type ScryptParams } from '../crypto/scrypt-kdf';
import { databaseFileState } from './cipher';
import { dbKeyFilePath } from './file-names';

/**
 * The passphrase derivation opening a data folder will need, judged the way resolveDbKey and
 * createOrLoadDbKey decide, from the files alone (nothing written, no zod):
 * - `open`: the key file's passphrase seal will be opened (its text, salt and scrypt parameters);
 * - `seal`: a new folder, so a new key will be sealed;
 * - null: no passphrase needed (a plain database) or a file that opening will reject with its own error.
 */
export type PassphraseDerivation = { kind: 'open'; sealed: string; salt: Buffer; params: ScryptParams } | { kind: 'seal' };

const PASSPHRASE_SCHEME = 'passphrase-scrypt';

export function passphraseDerivationFor(dataDir: string, dbFile: string): PassphraseDerivation | null {
  try {
    const state = databaseFileState(dbFile);
    if (state === 'plain' || state === 'other') return null;
    const keyFile = dbKeyFilePath(dataDir);
    if (!existsSync(keyFile)) return state === 'new' ? { kind: 'seal' } : null;
    return sealToOpen(readFileSync(keyFile, 'utf8'));
  } catch {
    return null; // unreadable, or not JSON: opening reports it
  }
}

function sealToOpen(keyFileText: string): PassphraseDerivation | null {
  const sealed: unknown = (JSON.parse(keyFileText) as { seals?: Record<string, unknown> } | null)?.seals?.[PASSPHRASE_SCHEME];
  if (typeof sealed !== 'string') return null;
  const kdf = (JSON.parse(sealed) as { kdf?: Record<string, unknown> } | null)?.kdf;
  if (!kdf || kdf.name !== 'scrypt' || typeof kdf.salt !== 'string') return null;
  const { logN, r, p } = kdf;
  // The bounds the envelope's schema enforces: a hostile file must not make this allocate or spin.
  if (!inRange(logN, SCRYPT_BOUNDS.logN) || !inRange(r, SCRYPT_BOUNDS.r) || !inRange(p, SCRYPT_BOUNDS.p)) return null;
  const salt = Buffer.from(kdf.salt, 'base64');
  if (salt.length < 16) return null;
  return { kind: 'open', sealed, salt, params: { logN, r, p } };
}

function inRange(v: unknown, [min, max]: readonly [number, number]): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
