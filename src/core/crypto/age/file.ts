import { closeSync, openSync, readSync, unlinkSync, writevSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { unlockHeader } from './decrypt';
import { startFile } from './encrypt';
import { headerInvalid } from './errors';
import { parseHeader, type ParsedHeader } from './header';
import { parseIdentity, type X25519Identity } from './keys';
import { CHUNK_BYTES, NONCE_BYTES, openChunk, payloadKey, SEALED_CHUNK_BYTES, sealChunk } from './stream';

/**
 * File to file, the fast path. Node's file streams allocate a fresh buffer per read and hop to the
 * thread pool for every read and write, which costs more CPU than the cipher itself; here one window
 * buffer is reused and read and written with plain system calls, 16 chunks (1 MiB) at a time, giving
 * the event loop a turn between windows so a desktop app or server stays responsive meanwhile.
 * Memory stays at one window whatever the file size.
 */
const WINDOW_CHUNKS = 16;
const HEADER_READ = 64 * 1024;

export type AgeFileResult = { bytesIn: number; bytesOut: number };

/** Encrypts `src` to the recipients into `dst` (mode 0600). On failure `dst` is removed. */
export async function encryptFile(src: string, dst: string, recipients: readonly string[]): Promise<AgeFileResult> {
  const start = startFile(recipients);
  return withFiles(src, dst, async (input, output) => {
    output.write([start.head]);
    const window = Buffer.allocUnsafe(WINDOW_CHUNKS * CHUNK_BYTES + 1);
    for (let pos = 0, counter = 0; ; await nextTurn()) {
      const n = input.read(window, pos);
      const out: Buffer[] = [];
      let off = 0;
      // A chunk with a byte after it is not the last one; the last read of the window is that byte.
      for (; n - off > CHUNK_BYTES; off += CHUNK_BYTES) {
        out.push(...sealChunk(start.payloadKey, counter++, false, [window.subarray(off, off + CHUNK_BYTES)]));
      }
      const atEnd = n < window.length;
      if (atEnd) out.push(...sealChunk(start.payloadKey, counter++, true, [window.subarray(off, n)]));
      output.write(out);
      if (atEnd) return;
      pos += off;
    }
  });
}

/**
 * Decrypts `src` with any of the identities into `dst` (mode 0600). Fails with the same AppErrors as
 * openAge; on any failure `dst` is removed, so no unauthenticated or partial plaintext is left behind.
 */
export async function decryptFile(src: string, dst: string, identities: readonly string[]): Promise<AgeFileResult> {
  const ids = identities.map(parseIdentity);
  return withFiles(src, dst, async (input, output) => {
    const { key, payloadAt } = readHeader(input, ids);
    const window = Buffer.allocUnsafe(WINDOW_CHUNKS * SEALED_CHUNK_BYTES + 1);
    for (let pos = payloadAt, counter = 0; ; await nextTurn()) {
      const n = input.read(window, pos);
      const out: Buffer[] = [];
      let off = 0;
      for (; n - off > SEALED_CHUNK_BYTES; off += SEALED_CHUNK_BYTES) {
        const step = openChunk(key, counter++, [window.subarray(off, off + SEALED_CHUNK_BYTES)], true);
        out.push(...step.plain);
        if (step.error) throw step.error;
      }
      if (n < window.length) {
        const step = openChunk(key, counter++, [window.subarray(off, n)], false);
        out.push(...step.plain);
        if (step.error) throw step.error;
        output.write(out);
        return;
      }
      output.write(out);
      pos += off;
    }
  });
}

/** Reads and unlocks the header; returns the payload key and where the first chunk starts. */
function readHeader(input: Reader, ids: readonly X25519Identity[]): { key: Buffer; payloadAt: number } {
  let head = Buffer.alloc(0);
  let parsed: ParsedHeader | 'need-more' = 'need-more';
  while (parsed === 'need-more') {
    const piece = Buffer.allocUnsafe(HEADER_READ);
    const n = input.read(piece, head.length);
    head = Buffer.concat([head, piece.subarray(0, n)]);
    parsed = parseHeader(head, n < piece.length);
  }
  const fileKey = unlockHeader(parsed, ids);
  const nonce = Buffer.alloc(NONCE_BYTES);
  // The age test vectors count a missing or short payload nonce as a header failure.
  if (input.read(nonce, parsed.end) < NONCE_BYTES) throw headerInvalid('文件头之后缺少 16 字节的 nonce（文件不完整）');
  return { key: payloadKey(fileKey, nonce), payloadAt: parsed.end + NONCE_BYTES };
}

type Reader = { read(into: Buffer, position: number): number };
type Writer = { write(pieces: readonly Buffer[]): void };

async function withFiles<T>(
  src: string,
  dst: string,
  work: (input: Reader, output: Writer) => Promise<T>,
): Promise<AgeFileResult> {
  const inFd = openSync(src, 'r');
  let outFd: number | undefined;
  let bytesIn = 0;
  let bytesOut = 0;
  try {
    outFd = openSync(dst, 'w', 0o600);
    const fd = outFd;
    const reader: Reader = {
      read(into, position) {
        let n = 0;
        for (let r = -1; n < into.length && r !== 0; n += r) r = readSync(inFd, into, n, into.length - n, position + n);
        bytesIn = Math.max(bytesIn, position + n);
        return n;
      },
    };
    const writer: Writer = {
      write(pieces) {
        const rest = pieces.filter((p) => p.length > 0);
        while (rest.length > 0) {
          let written = writevSync(fd, rest);
          bytesOut += written;
          // Short writes are rare on files but allowed: drop what went out and go on with the rest.
          while (rest.length > 0 && written >= rest[0]!.length) written -= rest.shift()!.length;
          if (written > 0) rest[0] = rest[0]!.subarray(written);
        }
      },
    };
    await work(reader, writer);
    closeSync(outFd);
    outFd = undefined;
    return { bytesIn, bytesOut };
  } catch (e) {
    if (outFd !== undefined) {
      closeSync(outFd);
      unlinkSync(dst);
    }
    throw e;
  } finally {
    closeSync(inFd);
  }
}
