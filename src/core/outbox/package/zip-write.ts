import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { ZipFile } from 'yazl';
import { READ_CHUNK } from '../../crypto/hash-file';

/**
 * A reproducible ZIP through yazl: entries in the order given (the caller sorts), no UTC extra field,
 * mode 0644, no comments, and every entry dated with the same calendar day at 00:00. That date is built
 * from local-time fields because yazl writes DOS time with local getters, so the bytes are the same in
 * every time zone. (Not 1980-01-01: yazl clamps to a 1980 minimum computed in the time zone it was
 * loaded in, which shifts the hour when the zone later changes.)
 */
export type ZipDay = { year: number; month: number; day: number };
export const ZIP_FILE_MODE = 0o100644;

export type ZipSource =
  | { name: string; compress: boolean; bytes: Uint8Array }
  | {
      name: string;
      compress: boolean;
      filePath: string;
      size: number;
      /** Sees every byte as it goes into the archive (hash while zipping: one read per file). */
      onData?: (chunk: Buffer) => void;
      onEnd?: () => void;
    }
  /** Content computed only when the writer reaches this entry, i.e. after every earlier entry was read. */
  | { name: string; compress: boolean; produce: () => Uint8Array };

// @types/yazl predates addReadStreamLazy and forceDosTimestamp (yazl >= 3.3).
type YazlEntryOptions = { mtime: Date; mode: number; compress: boolean; forceDosTimestamp: boolean; size?: number };
type YazlZip = {
  addBuffer(buf: Buffer, name: string, options: YazlEntryOptions): void;
  addReadStreamLazy(name: string, options: YazlEntryOptions, get: (cb: (err: Error | null, s?: Readable) => void) => void): void;
  end(): void;
  outputStream: Readable;
  on(event: 'error', cb: (e: Error) => void): void;
};

/** Returns the archive as a stream; any input error (missing file, changed size) errors the stream. */
export function zipStream(sources: readonly ZipSource[], date: ZipDay): Readable {
  const zip = new ZipFile() as unknown as YazlZip;
  const out = zip.outputStream;
  const fail = (e: Error): void => {
    if (!out.destroyed) out.destroy(e);
  };
  zip.on('error', fail);
  for (const s of sources) {
    const opts: YazlEntryOptions = {
      mtime: new Date(date.year, date.month - 1, date.day),
      mode: ZIP_FILE_MODE,
      compress: s.compress,
      forceDosTimestamp: true,
    };
    if ('bytes' in s) {
      zip.addBuffer(Buffer.from(s.bytes.buffer, s.bytes.byteOffset, s.bytes.byteLength), s.name, opts);
    } else if ('filePath' in s) {
      zip.addReadStreamLazy(s.name, { ...opts, size: s.size }, (cb) => {
        const rs = createReadStream(s.filePath, { highWaterMark: READ_CHUNK });
        const tap = new Transform({
          transform(chunk: Buffer, _enc, done) {
            s.onData?.(chunk);
            done(null, chunk);
          },
          flush(done) {
            s.onEnd?.();
            done();
          },
        });
        // yazl does not listen for errors on the streams it is given.
        rs.on('error', fail);
        tap.on('error', fail);
        cb(null, rs.pipe(tap));
      });
    } else {
      zip.addReadStreamLazy(s.name, opts, (cb) => {
        let bytes: Uint8Array;
        try {
          bytes = s.produce();
        } catch (e) {
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        cb(null, Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
      });
    }
  }
  zip.end();
  return out;
}
