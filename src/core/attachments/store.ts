/**
 * Scans of confirmation documents, stored content-addressed outside SQLite: <dataDir>/attachments/<sha256>.
 * Only JPEG, PNG and PDF, recognised by their magic bytes (the file name is not trusted); a file named like
 * an image that is not one is refused with its own message. Identical scans are stored once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export type AttachmentMime = 'image/jpeg' | 'image/png' | 'application/pdf';

export function sniffMime(b: Uint8Array): AttachmentMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return null;
}

const IMAGE_EXT = /\.(jpe?g|png|gif|bmp|webp|heic|tiff?)$/i;

/** Checks size and type; returns the detected type. Throws before anything is written. */
export function checkAttachment(fileName: string, bytes: Uint8Array): AttachmentMime {
  if (bytes.length === 0) throw new AppError('ATTACHMENT_EMPTY', `扫描件「${fileName}」是空文件，请重新扫描或选择文件。`);
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      'ATTACHMENT_TOO_LARGE',
      `扫描件「${fileName}」有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 10 MB 上限。请降低扫描分辨率或压缩后再上传。`,
      { fileName, size: bytes.length, maxBytes: MAX_ATTACHMENT_BYTES },
    );
  }
  const mime = sniffMime(bytes);
  if (mime) return mime;
  if (IMAGE_EXT.test(fileName)) {
    throw new AppError(
      'ATTACHMENT_NOT_IMAGE',
      `文件「${fileName}」的扩展名是图片，但内容不是 JPEG 或 PNG 图片（可能已损坏或被改了扩展名）。请重新扫描后上传 JPEG、PNG 或 PDF。`,
      { fileName },
    );
  }
  throw new AppError('ATTACHMENT_TYPE', `文件「${fileName}」不是 JPEG、PNG 或 PDF，只能上传这三种格式的扫描件。`, { fileName });
}

export function attachmentsDir(dataDir: string): string {
  return join(dataDir, 'attachments');
}

/** Write once (temp file + rename, so a crash never leaves a half file under its final name). */
export function storeBlob(dataDir: string, bytes: Uint8Array): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dir = attachmentsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, sha256);
  if (!existsSync(target)) {
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, target);
  }
  return sha256;
}

export function readBlob(dataDir: string, sha256: string): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('ATTACHMENT_UNKNOWN', '扫描件编号无效。');
  const file = join(attachmentsDir(dataDir), sha256);
  if (!existsSync(file))
    throw new AppError('ATTACHMENT_MISSING', `扫描件文件 ${sha256.slice(0, 12)}… 不在数据目录中（可能被删除），请重新上传。`);
  const bytes = new Uint8Array(readFileSync(file));
  const check = createHash('sha256').update(bytes).digest('hex');
  if (check !== sha256) throw new AppError('ATTACHMENT_CORRUPT', `扫描件文件 ${sha256.slice(0, 12)}… 内容已损坏，请重新上传。`);
  return bytes;
}
