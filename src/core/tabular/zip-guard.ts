import yauzl from 'yauzl';
import { fileErrors } from './file-errors';

/** An entry this big and this compressible is not a spreadsheet part, it is a bomb. */
const RATIO_LIMIT = 200;
const RATIO_MIN_SIZE = 10 * 1024 * 1024;
/** A real workbook has tens of parts; this many is a malformed or hostile archive. */
const MAX_ENTRIES = 10_000;

export type ZipSummary = { entryNames: string[]; totalUncompressed: number };

/**
 * Check a zip before anything is inflated. Walk the central directory and refuse as soon as the declared
 * sizes add up to more than the limit or an entry has an absurd ratio. Nothing is inflated here: the
 * reader inflates only the parts it needs through yauzl with size validation (xlsx-zip.ts), which fails
 * as soon as a part yields more bytes than the directory declared, so a zip that lies about its sizes is
 * stopped there, within the declared total this guard has accepted.
 */
export async function checkZip(fileName: string, bytes: Uint8Array, maxUncompressedBytes: number): Promise<ZipSummary> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, zf) => {
      if (err || !zf) reject(fileErrors.corrupt(fileName, '压缩结构不完整，文件可能没有下载或复制完整', err?.message));
      else resolve(zf);
    });
  });

  const entryNames: string[] = [];
  let total = 0;
  try {
    for (;;) {
      const entry = await nextEntry(fileName, zip);
      if (entry === null) break;
      const size = entry.uncompressedSize;
      total += size;
      if (entryNames.length >= MAX_ENTRIES) {
        throw fileErrors.zipBomb(fileName, `压缩包内文件超过 ${MAX_ENTRIES} 个`);
      }
      if (total > maxUncompressedBytes) {
        throw fileErrors.zipBomb(fileName, `解压后超过 ${formatMb(maxUncompressedBytes)}`);
      }
      if (size > RATIO_MIN_SIZE && size > RATIO_LIMIT * Math.max(entry.compressedSize, 1)) {
        throw fileErrors.zipBomb(fileName, `「${entry.fileName}」压缩比超过 ${RATIO_LIMIT}:1`);
      }
      entryNames.push(entry.fileName);
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) throw fileErrors.encrypted(fileName);
    }
  } finally {
    zip.close();
  }
  return { entryNames, totalUncompressed: total };
}

function nextEntry(fileName: string, zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (e: yauzl.Entry) => {
      cleanup();
      resolve(e);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(fileErrors.corrupt(fileName, '压缩目录损坏', err.message));
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function formatMb(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.ceil(n / 1024)} KB`;
}
