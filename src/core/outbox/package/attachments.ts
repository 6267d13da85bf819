import { extname } from 'node:path';
import { AppError } from '../../../shared/errors';
import { hashFile } from '../../crypto/hash-file';
import type { PayloadEntry } from './build';

/**
 * Names an attachment by its content: `data/attachments/<sha256>.<ext>`. The same scan uploaded twice
 * becomes one file, and the name cannot leak the applicant's name or ID number the way a user-chosen
 * file name would. Streams the file (never loads it).
 */
export async function attachmentEntry(
  filePath: string,
  ext: string = extname(filePath).slice(1),
): Promise<PayloadEntry & { sha256: string }> {
  const e = ext.toLowerCase();
  if (!/^[a-z0-9]{1,10}$/.test(e)) {
    throw new AppError('PKG_INPUT_INVALID', `附件扩展名 "${ext}" 不合法：只能是 1–10 个字母或数字（如 pdf、jpg）。`, {
      filePath,
    });
  }
  let sha256: string;
  try {
    sha256 = (await hashFile(filePath, 'sha256')).digest;
  } catch {
    throw new AppError('PKG_ATTACHMENT_MISSING', `找不到或无法读取附件文件 ${filePath}。`, { filePath });
  }
  return { path: `data/attachments/${sha256}.${e}`, filePath, sha256 };
}
