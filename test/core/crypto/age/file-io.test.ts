import type { FileHandle } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BatchWriter, WindowReader } from '../../../../src/core/crypto/age/file-io';

/** A file handle whose calls answer as scripted, in order. */
function handle(answers: {
  read?: Array<() => Promise<{ bytesRead: number }>>;
  writev?: Array<() => Promise<{ bytesWritten: number }>>;
}): FileHandle {
  const reads = [...(answers.read ?? [])];
  const writes = [...(answers.writev ?? [])];
  return { read: () => reads.shift()!(), writev: () => writes.shift()!() } as unknown as FileHandle;
}

describe('the file I/O behind encryptFile and decryptFile', () => {
  it('a read ahead that fails is raised by the next window, not as an unhandled rejection', async () => {
    const reader = new WindowReader(
      handle({ read: [async () => ({ bytesRead: 4 }), async () => Promise.reject(new Error('read failed'))] }),
      4,
      0,
    );
    expect((await reader.next()).length).toBe(4);
    await nextTurn();
    await expect(reader.next()).rejects.toThrow('read failed');
  });

  it('a write that fails is raised by the next write or flush, not as an unhandled rejection', async () => {
    const writer = new BatchWriter(handle({ writev: [async () => Promise.reject(new Error('disk full'))] }));
    await writer.write([Buffer.from('abc')]);
    await nextTurn();
    await expect(writer.flush()).rejects.toThrow('disk full');
  });

  it('a short write goes on with the rest, in order', async () => {
    const seen: string[] = [];
    const fh = {
      writev: async (pieces: Buffer[], at: number) => {
        seen.push(`${at}:${Buffer.concat(pieces).toString()}`);
        return { bytesWritten: Math.min(2, Buffer.concat(pieces).length) };
      },
    } as unknown as FileHandle;
    const writer = new BatchWriter(fh);
    await writer.write([Buffer.from('abc'), Buffer.alloc(0), Buffer.from('de')]);
    await writer.flush();
    expect(seen).toEqual(['0:abcde', '2:cde', '4:e']);
    expect(writer.written).toBe(5);
  });
});
