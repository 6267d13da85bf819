import { AppError } from '../../shared/errors';

/** Files cross IPC/HTTP as base64 inside the JSON call; decode strictly so a mangled upload is an error. */
export function decodeFile(input: { fileName: string; contentBase64: string }): { fileName: string; bytes: Uint8Array } {
  const b64 = input.contentBase64.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    throw new AppError('FILE_TRANSFER_CORRUPT', `文件“${input.fileName}”在传输中损坏（base64 编码无效），请重新选择文件。`);
  }
  // A Buffer already is a Uint8Array: copying it again would hold the file twice during an upload.
  return { fileName: input.fileName, bytes: Buffer.from(b64, 'base64') };
}
