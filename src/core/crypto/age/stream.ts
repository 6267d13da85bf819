import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import type { AppError } from '../../../shared/errors';
import { TAG_BYTES } from './aead';
import type { ByteSource } from './byte-source';
import { AGE_ERROR, ageError } from './errors';

/**
 * The age payload (https://age-encryption.org/v1, "Payload"): a 16-byte nonce, then ChaCha20-Poly1305
 * chunks of 64 KiB under HKDF(file key, nonce, "payload"), each with the nonce counter || last-flag.
 * A chunk is final exactly when no byte follows it, so every reader looks one byte past a full chunk.
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

/** Seals one chunk of plaintext (given as slices): ciphertext slices, then the tag. */
export function sealChunk(key: Buffer, counter: number, last: boolean, parts: readonly Buffer[]): Buffer[] {
  const c = createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG_BYTES });
  const out = parts.map((p) => c.update(p));
  c.final();
  out.push(c.getAuthTag());
  return out;
}

/** The plaintext of one sealed chunk (as slices), or null when it does not authenticate under this nonce. */
function tryOpen(key: Buffer, parts: readonly Buffer[], counter: number, last: boolean): Buffer[] | null {
  const d = createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG_BYTES });
  // The tag is the last 16 bytes, which may straddle two of the slices the source delivered.
  const { body, tag } = splitTag(parts);
  d.setAuthTag(tag);
  const plain = body.map((p) => d.update(p));
  try {
    d.final();
  } catch {
    return null;
  }
  return plain;
}

function splitTag(parts: readonly Buffer[]): { body: Buffer[]; tag: Buffer } {
  const body = [...parts];
  const tail: Buffer[] = [];
  let need = TAG_BYTES;
  while (need > 0) {
    const last = body.pop()!;
    if (last.length <= need) {
      tail.unshift(last);
      need -= last.length;
    } else {
      tail.unshift(last.subarray(last.length - need));
      body.push(last.subarray(0, last.length - need));
      need = 0;
    }
  }
  return { body, tag: tail.length === 1 ? tail[0]! : Buffer.concat(tail) };
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
 * What one step of decryption gives: plaintext that authenticated (release it), then either the end,
 * an error to raise after releasing the plaintext, or neither (go on to the next chunk).
 */
export type OpenStep = { plain: Buffer[]; done: boolean; error?: AppError };

/**
 * Opens chunk `counter`. With `more` the parts are one full sealed chunk and more bytes follow it;
 * without, the parts are everything left of the file (possibly nothing).
 */
export function openChunk(key: Buffer, counter: number, parts: readonly Buffer[], more: boolean): OpenStep {
  if (more) {
    const plain = tryOpen(key, parts, counter, false);
    if (plain) return { plain, done: false };
    // A valid final chunk with bytes after it: what it holds is authentic, the rest is not.
    const finalPlain = tryOpen(key, parts, counter, true);
    if (finalPlain) return { plain: finalPlain, done: true, error: corrupt('是结尾块，但后面还有多余的数据', counter) };
    return { plain: [], done: true, error: corrupt('校验失败', counter) };
  }
  const size = parts.reduce((n, p) => n + p.length, 0);
  if (size === 0) return { plain: [], done: true, error: truncated(counter === 0 ? '没有任何数据块' : '缺少结尾块', counter) };
  if (size < TAG_BYTES) return { plain: [], done: true, error: truncated('最后一块长度不足', counter) };
  const plain = tryOpen(key, parts, counter, true);
  if (plain) {
    // An empty final chunk is only allowed when it is the whole payload.
    if (counter > 0 && size === TAG_BYTES) return { plain: [], done: true, error: corrupt('是空的结尾块', counter) };
    return { plain, done: true };
  }
  // A full chunk that authenticates as non-final: authentic, but the stream was cut after it.
  const cutPlain = size === SEALED_CHUNK_BYTES ? tryOpen(key, parts, counter, false) : null;
  if (cutPlain) return { plain: cutPlain, done: true, error: truncated('缺少结尾块', counter + 1) };
  return { plain: [], done: true, error: corrupt('校验失败', counter) };
}

/**
 * Encrypts an async source as STREAM chunks (the nonce is written by the caller), in batches of
 * `batch` chunks: one 64 KiB write plus one 16-byte write per chunk would cost a syscall and a
 * thread-pool round trip each, far more than copying a batch together once.
 */
export async function* sealChunks(key: Buffer, input: ByteSource, batch = 16): AsyncGenerator<Buffer> {
  let out: Buffer[] = [];
  for (let counter = 0; ; counter++) {
    const more = await input.fill(CHUNK_BYTES + 1);
    out.push(...sealChunk(key, counter, !more, input.take(more ? CHUNK_BYTES : input.buffered)));
    if (!more || out.length >= 2 * batch) {
      yield Buffer.concat(out);
      out = [];
    }
    if (!more) return;
  }
}

/**
 * Decrypts STREAM chunks from an async source, releasing plaintext only after its tag is checked (in
 * batches, as above); ends with an AppError (AGE_PAYLOAD_*) after releasing what had authenticated.
 */
export async function* openChunks(key: Buffer, input: ByteSource, batch = 16): AsyncGenerator<Buffer> {
  let out: Buffer[] = [];
  for (let counter = 0; ; counter++) {
    const more = await input.fill(SEALED_CHUNK_BYTES + 1);
    const step = openChunk(key, counter, input.take(more ? SEALED_CHUNK_BYTES : input.buffered), more);
    out.push(...step.plain);
    if (step.done || out.length >= batch) {
      if (out.length > 0) yield Buffer.concat(out);
      out = [];
    }
    if (step.error) throw step.error;
    if (step.done) return;
  }
}
