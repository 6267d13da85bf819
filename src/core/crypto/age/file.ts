import { closeSync, openSync, unlinkSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { unlockHeader } from './decrypt';
import { startFile } from './encrypt';
import { headerInvalid } from './errors';
import { ChunkWindows, FileAppender, fileReader, readFully } from './file-io';
import { parseHeader, type ParsedHeader } from './header';
import { parseIdentity, type X25519Identity } from './keys';
import { CHUNK_BYTES, NONCE_BYTES, openChunk, payloadKey, SEALED_CHUNK_BYTES, sealChunk } from './stream';

/**
 * File to file, the fast path. Node's file streams allocate a fresh buffer per read and cost a stream
 * round trip per chunk; here the file is read into one reused buffer and written in windows of a few
 * chunks, synchronously on this thread (see file-io.ts for why), with a turn of the event loop after
 * every window so a desktop app or server stays responsive meanwhile. Memory stays at one window
 * whatever the file size.
 */
const WINDOW_CHUNKS = 4;
const HEADER_READ = 64 * 1024;

export type AgeFileResult = { bytesIn: number; bytesOut: number };

/** Encrypts `src` to the recipients into `dst` (mode 0600). On failure `dst` is removed. */
export async function encryptFile(src: string, dst: string, recipients: readonly string[]): Promise<AgeFileResult> {
  const start = startFile(recipients);
  return withFiles(src, dst, async (input, output) => {
    output.write([start.head]);
    const windows = ChunkWindows.ofFile(input, CHUNK_BYTES, WINDOW_CHUNKS, 0);
    await sealWindows(start.payloadKey, windows, output);
    return windows.position;
  });
}

async function sealWindows(key: Buffer, windows: ChunkWindows, output: FileAppender): Promise<void> {
  let counter = 0;
  for (let w = windows.next(); w; w = windows.next()) {
    const out: Buffer[] = [];
    const lastAt = w.pieces.length - 1;
    // Only the piece that ends the file is the final chunk; every other one has a byte after it.
    w.pieces.forEach((piece, i) => out.push(...sealChunk(key, counter++, w!.end && i === lastAt, [piece])));
    output.write(out);
    await nextTurn();
  }
}

/**
 * Decrypts `src` with any of the identities into `dst` (mode 0600). Fails with the same AppErrors as
 * openAge; on any failure `dst` is removed, so no unauthenticated or partial plaintext is left behind.
 */
export async function decryptFile(src: string, dst: string, identities: readonly string[]): Promise<AgeFileResult> {
  const ids = identities.map(parseIdentity);
  return withFiles(src, dst, async (input, output) => {
    const { key, payloadAt } = readHeader(input, ids);
    const windows = ChunkWindows.ofFile(input, SEALED_CHUNK_BYTES, WINDOW_CHUNKS, payloadAt);
    await openWindows(key, windows, output);
    return windows.position;
  });
}

async function openWindows(key: Buffer, windows: ChunkWindows, output: FileAppender): Promise<void> {
  let counter = 0;
  for (let w = windows.next(); w; w = windows.next()) {
    const out: Buffer[] = [];
    const lastAt = w.pieces.length - 1;
    for (let i = 0; i <= lastAt; i++) {
      const step = openChunk(key, counter++, [w.pieces[i]!], !w.end || i < lastAt);
      if (step.error) throw step.error;
      out.push(...step.plain);
    }
    output.write(out);
    await nextTurn();
  }
}

/** Reads and unlocks the header; returns the payload key and where the first chunk starts. */
function readHeader(input: number, ids: readonly X25519Identity[]): { key: Buffer; payloadAt: number } {
  const read = fileReader(input);
  let head = Buffer.alloc(0);
  let parsed: ParsedHeader | 'need-more' = 'need-more';
  while (parsed === 'need-more') {
    const piece = Buffer.allocUnsafe(HEADER_READ);
    const n = readFully(read, piece, 0, head.length);
    head = Buffer.concat([head, piece.subarray(0, n)]);
    parsed = parseHeader(head, n < piece.length);
  }
  const fileKey = unlockHeader(parsed, ids);
  const nonce = Buffer.alloc(NONCE_BYTES);
  // The age test vectors count a missing or short payload nonce as a header failure.
  if (readFully(read, nonce, 0, parsed.end) < NONCE_BYTES) {
    throw headerInvalid('文件头之后缺少 16 字节的 nonce（文件不完整）');
  }
  return { key: payloadKey(fileKey, nonce), payloadAt: parsed.end + NONCE_BYTES };
}

/**
 * Opens both files, runs `work` (which returns how many input bytes it read) and closes them; on any
 * failure removes `dst`.
 */
async function withFiles(
  src: string,
  dst: string,
  work: (input: number, output: FileAppender) => Promise<number>,
): Promise<AgeFileResult> {
  const input = openSync(src, 'r');
  let output: number | undefined;
  try {
    output = openSync(dst, 'w', 0o600);
    const writer = FileAppender.ofFile(output);
    const bytesIn = await work(input, writer);
    closeSync(output);
    output = undefined;
    return { bytesIn, bytesOut: writer.written };
  } catch (e) {
    if (output !== undefined) {
      closeSync(output);
      unlinkSync(dst);
    }
    throw e;
  } finally {
    closeSync(input);
  }
}
