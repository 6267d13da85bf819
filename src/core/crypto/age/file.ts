import { open, unlink, type FileHandle } from 'node:fs/promises';
import { unlockHeader } from './decrypt';
import { startFile } from './encrypt';
import { headerInvalid } from './errors';
import { BatchWriter, WindowReader } from './file-io';
import { parseHeader, type ParsedHeader } from './header';
import { parseIdentity, type X25519Identity } from './keys';
import { CHUNK_BYTES, NONCE_BYTES, openChunk, payloadKey, SEALED_CHUNK_BYTES, sealChunk } from './stream';

/**
 * File to file, the fast path. Node's file streams allocate a fresh buffer per read and cost a stream
 * round trip per chunk; here the file is read and written in windows of 16 chunks (1 MiB, one system
 * call each) by the thread pool, overlapped with the cipher on this thread (see file-io.ts), and the
 * awaits between windows keep a desktop app or server responsive meanwhile. Memory stays at a few
 * windows whatever the file size.
 */
const WINDOW_CHUNKS = 16;
const HEADER_READ = 64 * 1024;

export type AgeFileResult = { bytesIn: number; bytesOut: number };

/** Encrypts `src` to the recipients into `dst` (mode 0600). On failure `dst` is removed. */
export async function encryptFile(src: string, dst: string, recipients: readonly string[]): Promise<AgeFileResult> {
  const start = startFile(recipients);
  return withFiles(src, dst, async (input, output) => {
    await output.write([start.head]);
    const reader = new WindowReader(input, WINDOW_CHUNKS * CHUNK_BYTES, 0);
    try {
      await sealWindows(start.payloadKey, reader, output);
    } finally {
      await reader.settle();
    }
    return reader.end;
  });
}

async function sealWindows(key: Buffer, reader: WindowReader, output: BatchWriter): Promise<void> {
  for (let counter = 0, last = false; !last;) {
    const window = await reader.next();
    const out: Buffer[] = [];
    let off = 0;
    // Every chunk with a byte after it in this window is not the final one.
    for (; window.length - off > CHUNK_BYTES; off += CHUNK_BYTES) {
      out.push(...sealChunk(key, counter++, false, [window.subarray(off, off + CHUNK_BYTES)]));
    }
    // The window's last chunk is final when it is short or nothing follows the window (sealed after
    // the others, so the read ahead runs meanwhile).
    const rest = window.subarray(off);
    last = rest.length < CHUNK_BYTES || !(await reader.hasMore());
    out.push(...sealChunk(key, counter++, last, [rest]));
    await output.write(out);
  }
}

/**
 * Decrypts `src` with any of the identities into `dst` (mode 0600). Fails with the same AppErrors as
 * openAge; on any failure `dst` is removed, so no unauthenticated or partial plaintext is left behind.
 */
export async function decryptFile(src: string, dst: string, identities: readonly string[]): Promise<AgeFileResult> {
  const ids = identities.map(parseIdentity);
  return withFiles(src, dst, async (input, output) => {
    const { key, payloadAt } = await readHeader(input, ids);
    const reader = new WindowReader(input, WINDOW_CHUNKS * SEALED_CHUNK_BYTES, payloadAt);
    try {
      await openWindows(key, reader, output);
    } finally {
      await reader.settle();
    }
    return reader.end;
  });
}

async function openWindows(key: Buffer, reader: WindowReader, output: BatchWriter): Promise<void> {
  for (let counter = 0, done = false; !done;) {
    const window = await reader.next();
    const out: Buffer[] = [];
    let off = 0;
    for (; window.length - off > SEALED_CHUNK_BYTES; off += SEALED_CHUNK_BYTES) {
      const step = openChunk(key, counter++, [window.subarray(off, off + SEALED_CHUNK_BYTES)], true);
      if (step.error) throw step.error;
      out.push(...step.plain);
    }
    // The window's last piece has bytes after it only when it is a whole chunk and the file goes on.
    const rest = window.subarray(off);
    const more = rest.length === SEALED_CHUNK_BYTES && (await reader.hasMore());
    const step = openChunk(key, counter++, [rest], more);
    if (step.error) throw step.error;
    out.push(...step.plain);
    done = step.done;
    await output.write(out);
  }
}

/** Reads and unlocks the header; returns the payload key and where the first chunk starts. */
async function readHeader(input: FileHandle, ids: readonly X25519Identity[]): Promise<{ key: Buffer; payloadAt: number }> {
  let head = Buffer.alloc(0);
  let parsed: ParsedHeader | 'need-more' = 'need-more';
  while (parsed === 'need-more') {
    const piece = Buffer.allocUnsafe(HEADER_READ);
    const n = await readFully(input, piece, head.length);
    head = Buffer.concat([head, piece.subarray(0, n)]);
    parsed = parseHeader(head, n < piece.length);
  }
  const fileKey = unlockHeader(parsed, ids);
  const nonce = Buffer.alloc(NONCE_BYTES);
  // The age test vectors count a missing or short payload nonce as a header failure.
  if ((await readFully(input, nonce, parsed.end)) < NONCE_BYTES) {
    throw headerInvalid('文件头之后缺少 16 字节的 nonce（文件不完整）');
  }
  return { key: payloadKey(fileKey, nonce), payloadAt: parsed.end + NONCE_BYTES };
}

async function readFully(input: FileHandle, into: Buffer, position: number): Promise<number> {
  let n = 0;
  for (let r = -1; n < into.length && r !== 0; n += r) {
    r = (await input.read(into, n, into.length - n, position + n)).bytesRead;
  }
  return n;
}

/**
 * Opens both files, runs `work` (which returns how many input bytes it read) and closes them; on any
 * failure waits for the write in flight, then removes `dst`.
 */
async function withFiles(
  src: string,
  dst: string,
  work: (input: FileHandle, output: BatchWriter) => Promise<number>,
): Promise<AgeFileResult> {
  const input = await open(src, 'r');
  let output: FileHandle | undefined;
  let writer: BatchWriter | undefined;
  try {
    output = await open(dst, 'w', 0o600);
    writer = new BatchWriter(output);
    const bytesIn = await work(input, writer);
    await writer.flush();
    await output.close();
    output = undefined;
    return { bytesIn, bytesOut: writer.written };
  } catch (e) {
    await writer?.settle();
    if (output) {
      await output.close();
      await unlink(dst);
    }
    throw e;
  } finally {
    await input.close();
  }
}
