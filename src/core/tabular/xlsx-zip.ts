import yauzl from 'yauzl';
import { AppError } from '../../shared/errors';
import { fileErrors } from './file-errors';
import { XmlScanner, XmlSyntaxError, type TextLimit, type XmlHandler } from './xml-scan';

/** The parts of an .xlsx, opened by name and read as a stream of XML events. */
export type XlsxParts = {
  has(name: string): boolean;
  /** Inflate one part through the scanner; resolves when the part ends, rejects on the handler's first error. */
  scan(name: string, handler: XmlHandler, textLimit: TextLimit): Promise<void>;
  close(): void;
};

/**
 * Open the archive (already checked by the zip guard) and index its entries. yauzl validates each entry's
 * size while inflating, so a part that grows past what the directory declared stops with an error instead
 * of filling memory.
 */
export async function openXlsxParts(fileName: string, bytes: Uint8Array): Promise<XlsxParts> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (err, zf) => {
      if (err || !zf) reject(fileErrors.corrupt(fileName, '压缩结构不完整，文件可能没有下载或复制完整', err?.message));
      else resolve(zf);
    });
  });
  const entries = await listEntries(fileName, zip);
  return {
    has: (name) => entries.has(name),
    scan: (name, handler, textLimit) => scanEntry(fileName, zip, entries.get(name), handler, textLimit),
    close: () => zip.close(),
  };
}

function listEntries(fileName: string, zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      // Part names are case-insensitive in OPC; writers agree on lower case for the ones we read.
      if (!entries.has(e.fileName)) entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(fileErrors.corrupt(fileName, '压缩目录损坏', err.message)));
    zip.readEntry();
  });
}

async function scanEntry(
  fileName: string,
  zip: yauzl.ZipFile,
  entry: yauzl.Entry | undefined,
  handler: XmlHandler,
  textLimit: TextLimit,
): Promise<void> {
  if (!entry) return;
  const stream = await new Promise<NodeJS.ReadableStream & { destroy(): void }>((resolve, reject) => {
    zip.openReadStream(entry, (err, s) => {
      if (err || !s) reject(fileErrors.corrupt(fileName, `其中的「${entry.fileName}」无法解压`, err?.message));
      else resolve(s as NodeJS.ReadableStream & { destroy(): void });
    });
  });
  const scanner = new XmlScanner(handler, textLimit);
  try {
    for await (const chunk of stream) scanner.write(chunk as Buffer);
    scanner.end();
  } catch (err) {
    stream.destroy();
    throw partError(fileName, entry.fileName, err);
  }
}

/** Our own errors (limits, FILE_*) pass through; the rest says which part was damaged and how. */
function partError(fileName: string, part: string, err: unknown): unknown {
  if (err instanceof XmlSyntaxError) return fileErrors.corrupt(fileName, `「${part}」的内容不是有效的 XML`, err.message);
  if (err instanceof AppError || !(err instanceof Error)) return err;
  if (/too many bytes/.test(err.message)) return fileErrors.zipBomb(fileName, `「${part}」实际大小超过声明的大小`);
  return fileErrors.corrupt(fileName, `其中的「${part}」无法解压`, err.message);
}
