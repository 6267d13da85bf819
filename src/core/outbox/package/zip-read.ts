import { close, createReadStream, fstat, open, read } from 'node:fs';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { READ_CHUNK } from '../../crypto/hash-file';

/**
 * A thin promise layer over yauzl. Names are read as raw bytes (decodeStrings: false) because yauzl's
 * own name checks stop at the first bad entry with a generic error, and silently turn "\" into "/":
 * the verifier needs to see every entry as written to name what is wrong with it.
 */
export type RawZipEntry = {
  /** UTF-8 decoded name, or null when the bytes are not valid UTF-8. */
  name: string | null;
  nameBytes: Buffer;
  compressedSize: number;
  uncompressedSize: number;
  compressionMethod: number;
  generalPurposeBitFlag: number;
  versionMadeBy: number;
  externalFileAttributes: number;
  localHeaderOffset: number;
  entry: yauzl.Entry;
};

type YauzlEntryExtra = { fileNameRaw?: Buffer };
type LocalHeader = { fileName: Buffer; fileDataStart: number };
type YauzlZipExtra = {
  readLocalFileHeader(entry: yauzl.Entry, options: { minimal: boolean }, cb: (err: Error | null, h: LocalHeader) => void): void;
  readEntryCursor: number;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class ZipReader {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entryCount: number,
    readonly fileSize: number,
    readonly centralDirectoryOffset: number,
  ) {}

  static async open(path: string): Promise<ZipReader> {
    const fd = await new Promise<number>((resolve, reject) => open(path, 'r', (e, f) => (e ? reject(e) : resolve(f))));
    let size: number;
    try {
      size = await new Promise<number>((resolve, reject) => fstat(fd, (e, st) => (e ? reject(e) : resolve(st.size))));
    } catch (e) {
      close(fd, () => {});
      throw e;
    }
    const reader = new FdReader(fd, path);
    return new Promise((resolve, reject) => {
      yauzl.fromRandomAccessReader(
        reader as unknown as yauzl.RandomAccessReader,
        size,
        { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
        (err, zip) => {
          if (err || !zip) {
            reader.close(() => {});
            return reject(err ?? new Error('yauzl: no zipfile'));
          }
          const cdOffset = (zip as unknown as YauzlZipExtra).readEntryCursor;
          resolve(new ZipReader(zip, zip.entryCount, zip.fileSize, cdOffset));
        },
      );
    });
  }

  /** Reads the whole central directory (metadata only). */
  entries(): Promise<RawZipEntry[]> {
    const zip = this.zip;
    return new Promise((resolve, reject) => {
      const out: RawZipEntry[] = [];
      const onEntry = (e: yauzl.Entry): void => {
        const raw = (e as unknown as YauzlEntryExtra).fileNameRaw ?? (e.fileName as unknown as Buffer);
        let name: string | null;
        try {
          name = utf8.decode(raw);
        } catch {
          name = null;
        }
        out.push({
          name,
          nameBytes: Buffer.from(raw),
          compressedSize: e.compressedSize,
          uncompressedSize: e.uncompressedSize,
          compressionMethod: e.compressionMethod,
          generalPurposeBitFlag: e.generalPurposeBitFlag,
          versionMadeBy: e.versionMadeBy,
          externalFileAttributes: e.externalFileAttributes,
          localHeaderOffset: e.relativeOffsetOfLocalHeader,
          entry: e,
        });
        zip.readEntry();
      };
      const cleanup = (): void => {
        zip.removeListener('entry', onEntry);
        zip.removeListener('end', onEnd);
        zip.removeListener('error', onError);
      };
      const onEnd = (): void => {
        cleanup();
        resolve(out);
      };
      const onError = (err: Error): void => {
        cleanup();
        reject(err);
      };
      zip.on('entry', onEntry);
      zip.once('end', onEnd);
      zip.once('error', onError);
      zip.readEntry();
    });
  }

  localHeader(e: RawZipEntry): Promise<LocalHeader> {
    return new Promise((resolve, reject) => {
      (this.zip as unknown as YauzlZipExtra).readLocalFileHeader(e.entry, { minimal: false }, (err, h) =>
        err ? reject(err) : resolve(h),
      );
    });
  }

  openStream(e: RawZipEntry): Promise<Readable> {
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(e.entry, (err, s) => (err || !s ? reject(err ?? new Error('no stream')) : resolve(s)));
    });
  }

  /** Reads an entry into memory; refuses (throws EntryTooLarge) beyond maxBytes. */
  async readAll(e: RawZipEntry, maxBytes: number): Promise<Buffer> {
    if (e.uncompressedSize > maxBytes) throw new EntryTooLargeError(e.uncompressedSize, maxBytes);
    const s = await this.openStream(e);
    const parts: Buffer[] = [];
    let n = 0;
    for await (const chunk of s as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (n > maxBytes) {
        s.destroy();
        throw new EntryTooLargeError(n, maxBytes);
      }
      parts.push(chunk);
    }
    return Buffer.concat(parts);
  }

  close(): void {
    try {
      this.zip.close();
    } catch {
      // Already closed.
    }
  }
}

/**
 * yauzl's own file reader reads 16 KiB at a time; this one streams entry data in 1 MiB reads, which is
 * what makes verifying GBs of attachments fast. Each entry stream opens the file itself (destroying a
 * stream closes its descriptor); small metadata reads use the shared descriptor.
 */
class FdReader extends (yauzl.RandomAccessReader as unknown as new () => object) {
  constructor(
    private readonly fd: number,
    private readonly path: string,
  ) {
    super();
  }

  _readStreamForRange(start: number, end: number): Readable {
    return createReadStream(this.path, { start, end: end - 1, highWaterMark: READ_CHUNK });
  }

  read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    cb: (err: Error | null, bytesRead?: number) => void,
  ): void {
    read(this.fd, buffer, offset, length, position, (err, n) => cb(err, n));
  }

  close(cb: (err: Error | null) => void): void {
    close(this.fd, (e) => cb(e ?? null));
  }
}

export class EntryTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`entry larger than ${limit} bytes`);
  }
}

const S_IFMT = 0o170000;
export const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** The Unix file type stored in the upper half of the external attributes (0 when none is stored). */
export function unixFileType(e: Pick<RawZipEntry, 'externalFileAttributes'>): number {
  return ((e.externalFileAttributes >>> 16) & S_IFMT) >>> 0;
}

export function isSymlink(e: RawZipEntry): boolean {
  return unixFileType(e) === S_IFLNK;
}

export function isSpecialFile(e: RawZipEntry): boolean {
  const t = unixFileType(e);
  return t !== 0 && t !== S_IFREG && t !== S_IFDIR && t !== S_IFLNK;
}
