import type { FileHandle } from 'node:fs/promises';

/**
 * The file I/O of the age file functions, kept off the main thread and overlapped with the cipher:
 * while one window is sealed or opened, the next is read and the previous one written by the thread
 * pool. Reads go into two reused buffers, so memory stays at a few windows whatever the file size.
 */

/** Reads a file from `start` in windows of `size` bytes, always one window ahead of the caller. */
export class WindowReader {
  private readonly bufs: [Buffer, Buffer];
  private turn = 0;
  private pos: number;
  private ahead: Promise<number> | null = null;
  /** How far into the file has been read. */
  end = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
    start: number,
  ) {
    this.bufs = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
    this.pos = start;
  }

  /**
   * The next window; one shorter than `size` is the last (empty at the end). It stays valid until the
   * call after next, because the read ahead goes into the other buffer.
   */
  async next(): Promise<Buffer> {
    const n = await (this.ahead ?? this.fill(this.turn));
    const window = this.bufs[this.turn]!.subarray(0, n);
    this.turn ^= 1;
    this.ahead = n === this.size ? this.fill(this.turn) : Promise.resolve(0);
    // A failed read ahead is raised by the next call; until then it must not count as unhandled.
    this.ahead.catch(() => 0);
    return window;
  }

  /** Whether any byte follows the window last returned (waits for the read ahead). */
  async hasMore(): Promise<boolean> {
    return (await (this.ahead ?? Promise.resolve(0))) > 0;
  }

  /** Waits for a read still in flight (after an error), so the file can be closed under it. */
  async settle(): Promise<void> {
    await this.ahead?.catch(() => 0);
  }

  private async fill(which: number): Promise<number> {
    const buf = this.bufs[which]!;
    let n = 0;
    // A read may return less than asked before the end of the file; only 0 bytes means the end.
    for (let r = -1; n < buf.length && r !== 0; n += r) {
      r = (await this.fh.read(buf, n, buf.length - n, this.pos + n)).bytesRead;
    }
    this.pos += n;
    this.end = this.pos;
    return n;
  }
}

/** Appends to a file in order, one batch in flight while the caller prepares the next. */
export class BatchWriter {
  private pending: Promise<void> = Promise.resolve();
  /** Bytes written so far. */
  written = 0;

  constructor(private readonly fh: FileHandle) {}

  /** Resolves once the previous batch is written and this one has started (the pieces must not change). */
  async write(pieces: readonly Buffer[]): Promise<void> {
    await this.pending;
    this.pending = this.writeAll(pieces.filter((p) => p.length > 0));
    // A failed write is raised by the next write or flush; until then it must not count as unhandled.
    this.pending.catch(() => undefined);
  }

  /** Waits for the batch in flight; rejects if it failed. */
  async flush(): Promise<void> {
    await this.pending;
  }

  /** Waits for the batch in flight and ignores its failure (after an earlier error). */
  async settle(): Promise<void> {
    await this.pending.catch(() => undefined);
  }

  private async writeAll(pieces: Buffer[]): Promise<void> {
    const rest = pieces;
    while (rest.length > 0) {
      let { bytesWritten } = await this.fh.writev(rest, this.written);
      this.written += bytesWritten;
      // Short writes are rare on files but allowed: drop what went out and go on with the rest.
      while (rest.length > 0 && bytesWritten >= rest[0]!.length) bytesWritten -= rest.shift()!.length;
      if (bytesWritten > 0) rest[0] = rest[0]!.subarray(bytesWritten);
    }
  }
}
