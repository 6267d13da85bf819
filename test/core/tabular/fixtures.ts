import yazl from 'yazl';

/**
 * A minimal Compound File Binary container: the 512-byte header with the signature, then one 512-byte
 * directory sector holding an entry per stream name. Enough for the sniffing code, which looks for
 * directory entries by name (it is not a complete CFB file).
 */
export function buildCfb(streamNames: string[]): Uint8Array {
  const out = Buffer.alloc(512 + 512 * Math.ceil((streamNames.length + 1) / 4));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x003e, 0x18); // minor version
  out.writeUInt16LE(0x0003, 0x1a); // major version 3
  out.writeUInt16LE(0xfffe, 0x1c); // little-endian
  out.writeUInt16LE(9, 0x1e); // 512-byte sectors
  ['Root Entry', ...streamNames].forEach((name, i) => {
    const at = 512 + i * 128;
    const bytes = Buffer.from(name, 'utf16le');
    bytes.copy(out, at);
    out.writeUInt16LE(bytes.length + 2, at + 64);
    out[at + 66] = i === 0 ? 5 : 2; // root storage / stream
  });
  return new Uint8Array(out);
}

/** A zip built with yazl from in-memory entries. */
export function buildZip(entries: { name: string; data: Buffer; compress?: boolean }[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { compress: e.compress ?? true });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

/**
 * Make every central-directory record declare `size` as the uncompressed size (the local headers and data
 * stay as they are): a zip that lies about its sizes to get past a guard that only reads the directory.
 */
export function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const buf = Buffer.from(zip);
  for (let i = 0; i + 46 <= buf.length; i++) {
    if (buf.readUInt32LE(i) === 0x02014b50) buf.writeUInt32LE(size, i + 24);
  }
  return new Uint8Array(buf);
}

export const MINIMAL_WORKBOOK_ENTRIES = ['[Content_Types].xml', 'xl/workbook.xml'];
