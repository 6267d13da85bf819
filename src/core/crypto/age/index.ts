import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { AppError, isAppError } from '../../../shared/errors';
import { openAge } from './decrypt';
import { sealAge } from './encrypt';
import { AGE_ERROR } from './errors';
import { generateX25519KeyPair, parseRecipient, recipientOfIdentity } from './keys';

/**
 * age (https://age-encryption.org/v1) with X25519 recipients, on OpenSSL through node:crypto. Both
 * directions stream in 64 KiB chunks, so multi-GB packages never sit in memory; the output is what
 * `age -d -i identity.txt` reads, and what `age -r age1…` writes is read here.
 */
export { openAge } from './decrypt';
export { sealAge } from './encrypt';
export { decryptFile, encryptFile, type AgeFileResult } from './file';
export { AGE_ERROR, type AgeErrorCode } from './errors';

export const AGE_MAGIC = 'age-encryption.org/v1\n';
export const AGE_ARMOR_MAGIC = '-----BEGIN AGE ENCRYPTED FILE-----';

export type AgeKeyPair = { identity: string; recipient: string };

/** X25519 only: the Debian `age` 1.1 binary does not understand the post-quantum hybrid keys. */
export async function generateAgeIdentity(): Promise<AgeKeyPair> {
  return Promise.resolve(generateX25519KeyPair());
}

export async function ageRecipientOf(identity: string): Promise<string> {
  return Promise.resolve(recipientOfIdentity(identity));
}

export type AgeFileKind = 'binary' | 'armored' | 'none';

/** Sniffs the first bytes of a file for an age header. */
export async function detectAgeFile(path: string): Promise<AgeFileKind> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(AGE_ARMOR_MAGIC.length);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead).toString('latin1');
    if (head.startsWith(AGE_MAGIC)) return 'binary';
    if (head.startsWith(AGE_ARMOR_MAGIC)) return 'armored';
    return 'none';
  } finally {
    await fh.close();
  }
}

/** Encrypts a byte stream to age recipients (`age1...`). Throws AGE_RECIPIENT_INVALID for a bad recipient. */
export async function encryptStream(source: AsyncIterable<Uint8Array>, recipients: readonly string[]): Promise<Readable> {
  return Promise.resolve(Readable.from(sealAge(source, recipients), { objectMode: false }));
}

/**
 * Decrypts an age byte stream with any of the identities. The header is checked before this resolves:
 * a bad identity, no matching identity or a damaged header -> AppError PKG_DECRYPT_FAILED (the age code
 * in details.ageCode). Tampered or missing payload chunks fail later, as an AGE_PAYLOAD_* error on the
 * returned stream.
 */
export async function decryptStream(source: AsyncIterable<Uint8Array>, identities: readonly string[]): Promise<Readable> {
  try {
    return Readable.from(await openAge(source, identities), { objectMode: false });
  } catch (e) {
    if (!isAppError(e)) throw e;
    throw new AppError('PKG_DECRYPT_FAILED', decryptMessage(e), { ageCode: e.code });
  }
}

function decryptMessage(e: AppError): string {
  switch (e.code) {
    case AGE_ERROR.identityInvalid:
      return '提供的 age 私钥格式不正确（应以 AGE-SECRET-KEY-1 开头），无法解密数据包。';
    case AGE_ERROR.noMatch:
      return '无法解密数据包：没有与之匹配的 age 私钥。请确认数据包是加密给本单位的。';
    default:
      return `无法解密数据包：${e.message}`;
  }
}

/** Checks recipients before any work starts. Throws AGE_RECIPIENT_INVALID. */
export function assertAgeRecipients(recipients: readonly string[]): void {
  if (recipients.length === 0) throw new AppError(AGE_ERROR.recipientInvalid, '没有指定加密接收方的 age 公钥。');
  recipients.forEach(parseRecipient);
}
