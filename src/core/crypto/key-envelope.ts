import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/errors';
import {
  DEFAULT_SCRYPT,
  SCRYPT_BOUNDS,
  deriveForOpen,
  deriveForSeal,
  normalisePassphrase,
  type ScryptParams,
} from './scrypt-kdf';
import { keyFingerprint, signingKeyFromSeed, type SigningKey } from './signing-key';

export { DEFAULT_SCRYPT };

/**
 * The signing key at rest: the 32-byte seed sealed with AES-256-GCM under a key derived from the
 * passphrase by scrypt. The key id and public key are stored in clear (the UI shows the fingerprint
 * without asking for the passphrase) but are bound to the ciphertext as associated data, so swapping
 * them makes decryption fail instead of producing a key that signs under someone else's id.
 */
export type EncryptedSigningKey = {
  format: 'basedesk-signing-key';
  version: 1;
  keyId: string; // hex, 8 bytes as stored
  fingerprint: string; // as minisign shows it, for people
  publicKey: string; // base64, 32 bytes
  kdf: { name: 'scrypt'; logN: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  nonce: string; // base64, 12 bytes
  ciphertext: string; // base64, 32 bytes
  tag: string; // base64, 16 bytes
};

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const bounded = ([min, max]: readonly [number, number]) => z.number().int().min(min).max(max);
const envelopeSchema = z.object({
  format: z.literal('basedesk-signing-key'),
  version: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  fingerprint: z.string(),
  publicKey: b64,
  kdf: z.object({
    name: z.literal('scrypt'),
    logN: bounded(SCRYPT_BOUNDS.logN),
    r: bounded(SCRYPT_BOUNDS.r),
    p: bounded(SCRYPT_BOUNDS.p),
    salt: b64,
  }),
  cipher: z.literal('aes-256-gcm'),
  nonce: b64,
  ciphertext: b64,
  tag: b64,
});

export async function encryptSigningKey(
  key: SigningKey,
  passphrase: string,
  params: ScryptParams = DEFAULT_SCRYPT,
): Promise<EncryptedSigningKey> {
  const pass = normalisePassphrase(passphrase);
  const { salt, derived: deriving } = deriveForSeal(pass, params);
  const nonce = randomBytes(12);
  const aad = associatedData(key.keyId, key.publicKey);
  const derived = await deriving;
  const cipher = createCipheriv('aes-256-gcm', derived, nonce);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(key.secretKey), cipher.final()]);
  return {
    format: 'basedesk-signing-key',
    version: 1,
    keyId: Buffer.from(key.keyId).toString('hex'),
    fingerprint: keyFingerprint(key),
    publicKey: Buffer.from(key.publicKey).toString('base64'),
    kdf: { name: 'scrypt', ...params, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm',
    nonce: nonce.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Opens an envelope (object or its JSON text). KEY_FORMAT for a malformed file, KEY_PASSPHRASE_WRONG otherwise. */
export async function decryptSigningKey(envelope: unknown, passphrase: string): Promise<SigningKey> {
  let value = envelope;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw formatError('不是 JSON');
    }
  }
  const parsed = envelopeSchema.safeParse(value);
  if (!parsed.success) throw formatError('字段缺失或取值不合法');
  const e = parsed.data;
  const keyId = Buffer.from(e.keyId, 'hex');
  const publicKey = Buffer.from(e.publicKey, 'base64');
  const salt = Buffer.from(e.kdf.salt, 'base64');
  const nonce = Buffer.from(e.nonce, 'base64');
  const ciphertext = Buffer.from(e.ciphertext, 'base64');
  const tag = Buffer.from(e.tag, 'base64');
  if (publicKey.length !== 32 || salt.length < 16 || nonce.length !== 12 || ciphertext.length !== 32 || tag.length !== 16) {
    throw formatError('长度不正确');
  }
  const derived = await deriveForOpen(normalisePassphrase(passphrase), salt, e.kdf);
  const decipher = createDecipheriv('aes-256-gcm', derived, nonce);
  decipher.setAAD(associatedData(keyId, publicKey));
  decipher.setAuthTag(tag);
  let seed: Buffer;
  try {
    seed = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new AppError(
      'KEY_PASSPHRASE_WRONG',
      `签名私钥（${e.fingerprint}）的口令不正确，无法解锁。请检查大小写和输入法后重试。`,
      { fingerprint: e.fingerprint },
    );
  }
  return signingKeyFromSeed(keyId, seed, publicKey);
}

function associatedData(keyId: Uint8Array, publicKey: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from('basedesk-signing-key/1', 'utf8'), Buffer.from(keyId), Buffer.from(publicKey)]);
}

function formatError(why: string): AppError {
  return new AppError('KEY_FORMAT', `签名私钥文件格式不正确（${why}）。请确认选择的是 BaseDesk 导出的私钥文件。`);
}
