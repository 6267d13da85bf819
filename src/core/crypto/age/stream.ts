import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { TAG_BYTES } from './aead';
import type { ByteSource } from './byte-source';
import { AGE_ERROR, ageError } from './errors';

/**
 * The age payload (https://age-encryption.org/v1, "Payload"): a 16-byte nonce, then ChaCha20-Poly1305
 * chunks of 64 KiB under HKDF(file key, nonce, "payload"), each with the nonce counter || last-flag.
 * One chunk is looked ahead so the final one gets its flag: memory stays at about two chunks.
 */
export const NONCE_BYTES = 16;
export const CHUNK_BYTES = 64 * 1024;
export const SEALED_CHUNK_BYTES = CHUNK_BYTES + TAG_BYTES;

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

/** 11-byte big-endian counter, then 0x01 for the final chunk. */
function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Encrypts the source as STREAM chunks (the nonce is written by the caller). */
export async function* sealChunks(key: Buffer, input: ByteSource): AsyncGenerator<Buffer> {
  for (let counter = 0; ; counter++) {
    // A full chunk is final only if nothing follows it, so wait for one byte more than a chunk.
    const more = await input.fill(CHUNK_BYTES + 1);
    const parts = input.take(more ? CHUNK_BYTES : input.buffered);
    const c = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, !more), { authTagLength: TAG_BYTES });
    const out = parts.map((p) => c.update(p));
    c.final();
    out.push(c.getAuthTag());
    yield out.length === 1 ? out[0]! : Buffer.concat(out);
    if (!more) return;
  }
}

/** The plaintext of one sealed chunk, or null when it does not authenticate under this nonce. */
function openChunk(key: Buffer, parts: readonly Buffer[], counter: number, last: boolean): Buffer | null {
  const sealed = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const d = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG_BYTES });
  d.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plain = d.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    d.final();
  } catch {
    return null;
  }
  return plain;
}

const corrupt = (why: string, counter: number) =>
  ageError(AGE_ERROR.payloadCorrupt, `加密内容第 ${counter + 1} 块${why}：文件被篡改或已损坏。请让发送方重新发送。`, {
    chunk: counter,
  });

const truncated = (why: string, counter: number) =>
  ageError(AGE_ERROR.payloadTruncated, `加密内容不完整：${why}（可能传输或拷贝中断）。请重新获取完整文件。`, {
    chunk: counter,
  });

/**
 * Decrypts STREAM chunks, releasing each chunk's plaintext only after its tag is checked. Ends with an
 * AppError when the final chunk is missing, a chunk fails authentication, or bytes follow the final chunk.
 */
export async function* openChunks(key: Buffer, input: ByteSource): AsyncGenerator<Buffer> {
  for (let counter = 0; ; counter++) {
    const more = await input.fill(SEALED_CHUNK_BYTES + 1);
    if (more) {
      const parts = input.take(SEALED_CHUNK_BYTES);
      const plain = openChunk(key, parts, counter, false);
      if (plain) {
        yield plain;
        continue;
      }
      if (openChunk(key, parts, counter, true)) throw corrupt('是结尾块，但后面还有多余的数据', counter);
      throw corrupt('校验失败', counter);
    }
    const size = input.buffered;
    if (size === 0) throw truncated(counter === 0 ? '没有任何数据块' : '缺少结尾块', counter);
    if (size < TAG_BYTES) throw truncated('最后一块长度不足', counter);
    const parts = input.take(size);
    const plain = openChunk(key, parts, counter, true);
    if (plain) {
      // An empty final chunk is only allowed when it is the whole payload.
      if (plain.length === 0 && counter > 0) throw corrupt('是空的结尾块', counter);
      yield plain;
      return;
    }
    if (size === SEALED_CHUNK_BYTES && openChunk(key, parts, counter, false)) throw truncated('缺少结尾块', counter + 1);
    throw corrupt('校验失败', counter);
  }
}
