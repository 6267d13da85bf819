import { readSync, writevSync } from 'node:fs';

/**
 * The file I/O of the age file functions: synchronous calls on this thread, in windows of a few chunks.
 * Measured in one process against reads and writes handed to the thread pool and overlapped with the
 * cipher, decryption does about a third more megabytes per CPU second (encryption about the same) and
 * takes tens of page faults per file instead of a thousand or more: the bytes are copied in and out by
 * the core that seals them, while they are still in its cache, and no thread is woken per call. A
 * window is small (a quarter megabyte, which measured best), so one call blocks only briefly, and the
 * callers yield to the event loop between windows.
 */

/** One window of chunks: slices of a reused buffer, valid until the next window is read. */
export type ChunkWindow = {
  /** Whole chunks with at least one byte after them, then, when `end`, what is left of the file. */
  pieces: Buffer[];
  /** True when the last piece is the end of the file (it may be short or empty). */
  end: boolean;
};

type Reader = (into: Buffer, offset: number, length: number, position: number) => number;

/** Positioned reads from an open file descriptor. */
export const fileReader =
  (fd: number): Reader =>
  (into, offset, length, position) =>
    readSync(fd, into, offset, length, position);

/**
 * Reads a file from `start` as chunks of `chunkBytes`, `perWindow` at a time. One byte more than the
 * window's chunks is read, so whether a full chunk is the last one is known without a second look.
 */
export class ChunkWindows {
  private readonly buf: Buffer;
  private held = 0;
  private done = false;
  /** How far into the file has been read. */
  position: number;

  constructor(
    private readonly read: Reader,
    private readonly chunkBytes: number,
    perWindow: number,
    start: number,
  ) {
    // Not zero-filled: every byte is read before it is used.
    this.buf = Buffer.allocUnsafeSlow(chunkBytes * perWindow + 1);
    this.position = start;
  }

  static ofFile(fd: number, chunkBytes: number, perWindow: number, start: number): ChunkWindows {
    return new ChunkWindows(fileReader(fd), chunkBytes, perWindow, start);
  }

  /** The next window, or null after the one that ended the file. */
  next(): ChunkWindow | null {
    if (this.done) return null;
    // A full window was read one byte past its chunks: that byte starts this one. It is moved only
    // now, as the caller is done with the previous window's slices.
    if (this.held > 0) {
      this.buf[0] = this.buf[this.held - 1]!;
      this.held = 1;
    }
    const got = readFully(this.read, this.buf, this.held, this.position);
    this.position += got;
    this.held += got;
    const end = this.held < this.buf.length;
    const pieces: Buffer[] = [];
    let off = 0;
    for (; this.held - off > this.chunkBytes; off += this.chunkBytes) pieces.push(this.buf.subarray(off, off + this.chunkBytes));
    if (end) {
      pieces.push(this.buf.subarray(off, this.held));
      this.done = true;
      return { pieces, end };
    }
    // A full window leaves exactly the look-ahead byte after its chunks.
    return { pieces, end };
  }
}

/** Reads until `into` is full from `offset` or the file ends; returns the bytes read. */
export function readFully(read: Reader, into: Buffer, offset: number, position: number): number {
  let n = 0;
  // A read may return less than asked before the end of the file; only 0 bytes means the end.
  for (let r = -1; offset + n < into.length && r !== 0; n += r) {
    r = read(into, offset + n, into.length - offset - n, position + n);
  }
  return n;
}

type Writer = (pieces: Buffer[]) => number;

/** Appends to a file in order; counts the bytes written. */
export class FileAppender {
  /** Bytes written so far. */
  written = 0;

  constructor(private readonly writev: Writer) {}

  static ofFile(fd: number): FileAppender {
    return new FileAppender((pieces) => writevSync(fd, pieces));
  }

  write(pieces: readonly Buffer[]): void {
    const rest = pieces.filter((p) => p.length > 0);
    while (rest.length > 0) {
      let bytesWritten = this.writev(rest);
      this.written += bytesWritten;
      // Short writes are rare on files but allowed: drop what went out and go on with the rest.
      while (rest.length > 0 && bytesWritten >= rest[0]!.length) bytesWritten -= rest.shift()!.length;
      if (bytesWritten > 0) rest[0] = rest[0]!.subarray(bytesWritten);
    }
  }
}
