/**
 * Compound File Binary (OLE2) sniffing. Both an old .xls and a password-protected .xlsx are CFB containers:
 * Excel wraps an encrypted workbook in CFB streams named "EncryptionInfo" and "EncryptedPackage". We look
 * for directory entries by name instead of parsing the FAT: a directory entry is 128 bytes, aligned to 128
 * within its sector, starting with the UTF-16LE name and holding the name's byte length (with NUL) at
 * offset 64. Checking both makes a false match on stream contents practically impossible.
 */
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const HEADER_SIZE = 512;
const ENTRY_SIZE = 128;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

export function cfbHasEntry(bytes: Uint8Array, name: string): boolean {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(name, 'utf16le');
  let from = HEADER_SIZE;
  for (;;) {
    const pos = buf.indexOf(needle, from);
    if (pos === -1 || pos + ENTRY_SIZE > buf.length) return false;
    if (pos % ENTRY_SIZE === 0 && buf.readUInt16LE(pos + 64) === needle.length + 2) return true;
    from = pos + 1;
  }
}

export type CfbKind = 'encrypted-ooxml' | 'xls' | 'other';

export function classifyCfb(bytes: Uint8Array): CfbKind {
  if (cfbHasEntry(bytes, 'EncryptionInfo') || cfbHasEntry(bytes, 'EncryptedPackage')) return 'encrypted-ooxml';
  // BIFF8 (Excel 97-2003) uses "Workbook"; BIFF5 (Excel 5/95) uses "Book".
  if (cfbHasEntry(bytes, 'Workbook') || cfbHasEntry(bytes, 'Book')) return 'xls';
  return 'other';
}
