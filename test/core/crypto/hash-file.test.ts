import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFile, hashFileInWorker } from '../../../src/core/crypto/hash-file';

describe('file hashing', () => {
  it('streams on this thread and on a worker, with the same answer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'basedesk-hash-'));
    try {
      const data = Buffer.alloc(3 * 1024 * 1024 + 17, 0x5a);
      const file = join(dir, 'f.bin');
      await writeFile(file, data);
      const expected = createHash('sha512').update(data).digest('hex');
      expect(await hashFile(file)).toEqual({ digest: expected, bytes: data.length });
      expect(await hashFileInWorker(file).result).toEqual({ digest: expected, bytes: data.length });
      expect((await hashFile(file, 'sha256')).digest).toBe(createHash('sha256').update(data).digest('hex'));
      await expect(hashFileInWorker(join(dir, 'missing')).result).rejects.toThrow();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
