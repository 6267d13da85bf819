import { createCipheriv, createHash } from 'node:crypto';

/** Deterministic bytes for a seed (AES-CTR keystream), so sizes and contents are the same every run. */
export function seededBytes(seed: number, length: number): Buffer {
  const key = createHash('sha256').update(`basedesk-age-test-${seed}`).digest();
  return createCipheriv('aes-256-ctr', key, Buffer.alloc(16)).update(Buffer.alloc(length));
}

export async function* piecesOf(bytes: Buffer, size = 65536): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of source) parts.push(Buffer.from(p));
  return Buffer.concat(parts);
}

export const CHUNK = 64 * 1024;
export const SEALED = CHUNK + 16;

/** SHA-256 in hex: comparing digests keeps assertions on megabytes fast and their failures short. */
export function digest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
