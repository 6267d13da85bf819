import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptFile, generateAgeIdentity } from '../../../../src/core/crypto/age';
import { ChunkWindows, FileAppender } from '../../../../src/core/crypto/age/file-io';

/** A reader over `bytes` that returns at most `most` bytes per call, as a file may. */
function readerOf(bytes: Buffer, most = Infinity) {
  return (into: Buffer, offset: number, length: number, position: number) =>
    bytes.copy(into, offset, position, Math.min(bytes.length, position + Math.min(length, most)));
}

/** Every window as [end, piece contents], copied before the next window reuses the buffer. */
function windowsOf(windows: ChunkWindows): Array<[boolean, string[]]> {
  const seen: Array<[boolean, string[]]> = [];
  for (let w = windows.next(); w; w = windows.next()) seen.push([w.end, w.pieces.map((p) => p.toString())]);
  return seen;
}

describe('the file I/O behind encryptFile and decryptFile', () => {
  it('reads whole chunks a window at a time; only the piece that ends the file is marked final', () => {
    const windows = new ChunkWindows(readerOf(Buffer.from('abcdefghijklm')), 3, 2, 0);
    expect(windowsOf(windows)).toEqual([
      [false, ['abc', 'def']],
      [false, ['ghi', 'jkl']],
      [true, ['m']],
    ]);
    expect(windows.position).toBe(13);
  });

  it('a file that ends on a window edge ends with a full final chunk, not an empty one', () => {
    expect(windowsOf(new ChunkWindows(readerOf(Buffer.from('abcdef')), 3, 2, 0))).toEqual([[true, ['abc', 'def']]]);
    expect(windowsOf(new ChunkWindows(readerOf(Buffer.from('abcdefghijkl')), 3, 2, 0))).toEqual([
      [false, ['abc', 'def']],
      [true, ['ghi', 'jkl']],
    ]);
  });

  it('an empty rest of the file is one empty final piece', () => {
    expect(windowsOf(new ChunkWindows(readerOf(Buffer.from('header')), 3, 2, 6))).toEqual([[true, ['']]]);
  });

  it('short reads before the end of the file do not end it early', () => {
    const windows = new ChunkWindows(readerOf(Buffer.from('xxabcdefghijklm'), 1), 3, 2, 2);
    expect(windowsOf(windows)).toEqual([
      [false, ['abc', 'def']],
      [false, ['ghi', 'jkl']],
      [true, ['m']],
    ]);
    expect(windows.position).toBe(15);
  });

  it('a failed read is raised by the window that needed it', () => {
    const windows = new ChunkWindows(
      () => {
        throw new Error('read failed');
      },
      3,
      2,
      0,
    );
    expect(() => windows.next()).toThrow('read failed');
  });

  it('a short write goes on with the rest, in order', () => {
    const seen: string[] = [];
    const writer = new FileAppender((pieces) => {
      seen.push(Buffer.concat(pieces).toString());
      return Math.min(2, Buffer.concat(pieces).length);
    });
    writer.write([Buffer.from('abc'), Buffer.alloc(0), Buffer.from('de')]);
    expect(seen).toEqual(['abcde', 'cde', 'e']);
    expect(writer.written).toBe(5);
  });
});

describe('a file function that fails leaves no output behind', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'basedesk-age-fileio-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('encrypting something that cannot be read rejects and removes the half-written output', async () => {
    const { recipient } = await generateAgeIdentity();
    const notAFile = join(dir, 'a-directory');
    await mkdir(notAFile);
    const dst = join(dir, 'out.age');
    await expect(encryptFile(notAFile, dst, [recipient])).rejects.toMatchObject({ code: 'EISDIR' });
    expect(existsSync(dst)).toBe(false);
  });
});
