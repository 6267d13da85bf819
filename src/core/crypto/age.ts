import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AppError } from '../../shared/errors';

/**
 * age (https://age-encryption.org/v1) through typage. Both directions stream in 64 KiB chunks, so
 * multi-GB packages never sit in memory; the output is what `age -d -i identity.txt` reads.
 */
export const AGE_MAGIC = 'age-encryption.org/v1\n';
export const AGE_ARMOR_MAGIC = '-----BEGIN AGE ENCRYPTED FILE-----';

export type AgeKeyPair = { identity: string; recipient: string };

/** X25519 only: the Debian `age` 1.1 binary does not understand the post-quantum hybrid keys. */
export async function generateAgeIdentity(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export async function ageRecipientOf(identity: string): Promise<string> {
  try {
    return await identityToRecipient(identity);
  } catch {
    throw new AppError('AGE_IDENTITY_INVALID', 'age 私钥格式不正确（应以 AGE-SECRET-KEY-1 开头）。');
  }
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
  const e = makeEncrypter(recipients);
  const out = await e.encrypt(toWebStream(source));
  return Readable.fromWeb(out as unknown as NodeReadableStream<Uint8Array>);
}

/**
 * Decrypts an age byte stream with any of the identities. The header is checked before this resolves:
 * no matching identity -> AppError PKG_DECRYPT_FAILED. Tampered payload chunks fail later, as an error
 * on the returned stream.
 */
export async function decryptStream(source: AsyncIterable<Uint8Array>, identities: readonly string[]): Promise<Readable> {
  const d = new Decrypter();
  for (const id of identities) {
    try {
      d.addIdentity(id);
    } catch {
      throw new AppError('PKG_DECRYPT_FAILED', '提供的 age 私钥格式不正确（应以 AGE-SECRET-KEY-1 开头），无法解密数据包。');
    }
  }
  let out: unknown;
  try {
    out = await d.decrypt(toWebStream(source));
  } catch (e) {
    throw new AppError(
      'PKG_DECRYPT_FAILED',
      '无法解密数据包：没有与之匹配的 age 私钥，或文件头已损坏。请确认数据包是加密给本单位的。',
      {
        cause: e instanceof Error ? e.message : String(e),
      },
    );
  }
  return Readable.fromWeb(out as NodeReadableStream<Uint8Array>);
}

/** Checks recipients before any work starts. Throws AGE_RECIPIENT_INVALID. */
export function assertAgeRecipients(recipients: readonly string[]): void {
  makeEncrypter(recipients);
}

function makeEncrypter(recipients: readonly string[]): Encrypter {
  if (recipients.length === 0) {
    throw new AppError('AGE_RECIPIENT_INVALID', '没有指定加密接收方的 age 公钥。');
  }
  const e = new Encrypter();
  for (const r of recipients) {
    if (!/^age1[02-9ac-hj-np-z]+$/.test(r)) {
      throw new AppError('AGE_RECIPIENT_INVALID', `接收方公钥格式不正确："${r.slice(0, 12)}…"，应为 age1 开头的 age 公钥。`);
    }
    try {
      e.addRecipient(r);
    } catch {
      throw new AppError('AGE_RECIPIENT_INVALID', `接收方公钥无效："${r.slice(0, 12)}…"。请核对省级接收方提供的 age 公钥。`);
    }
  }
  return e;
}

/** A pull-based web stream (backpressure preserved: nothing is read ahead of the consumer). */
function toWebStream(source: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  const web = new NodeReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      async cancel(reason) {
        await it.return?.(reason);
      },
    },
    { highWaterMark: 1 },
  );
  return web as unknown as ReadableStream<Uint8Array>;
}
