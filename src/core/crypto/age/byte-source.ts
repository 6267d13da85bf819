/**
 * Reads an async byte source in exact amounts without copying: bytes are kept as the slices the source
 * delivered, and handed on as slices. Holds at most what the caller asked for plus one source piece.
 */
export class ByteSource {
  private readonly it: AsyncIterator<Uint8Array>;
  private parts: Buffer[] = [];
  private ended = false;
  /** Bytes buffered and not yet taken. */
  buffered = 0;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.it = source[Symbol.asyncIterator]();
  }

  /** Buffers until at least `n` bytes are held or the source ends; true when `n` bytes are held. */
  async fill(n: number): Promise<boolean> {
    while (this.buffered < n && !this.ended) {
      const r = await this.it.next();
      if (r.done) {
        this.ended = true;
        break;
      }
      const v = r.value;
      if (v.byteLength === 0) continue;
      this.parts.push(Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));
      this.buffered += v.byteLength;
    }
    return this.buffered >= n;
  }

  /** The buffered bytes as one buffer, without consuming them (copies only when they span pieces). */
  peekAll(): Buffer {
    if (this.parts.length > 1) this.parts = [Buffer.concat(this.parts)];
    return this.parts[0] ?? Buffer.alloc(0);
  }

  /** Removes `n` buffered bytes (n <= buffered) and returns them as slices. */
  take(n: number): Buffer[] {
    const out: Buffer[] = [];
    let left = n;
    while (left > 0) {
      const head = this.parts[0]!;
      if (head.length <= left) {
        out.push(head);
        this.parts.shift();
        left -= head.length;
      } else {
        out.push(head.subarray(0, left));
        this.parts[0] = head.subarray(left);
        left = 0;
      }
    }
    this.buffered -= n;
    return out;
  }

  /** Stops the source early (after an error), so a file it reads is closed. */
  async cancel(): Promise<void> {
    await this.it.return?.();
  }
}
