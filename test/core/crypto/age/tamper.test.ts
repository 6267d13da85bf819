import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGE_ERROR,
  assertAgeRecipients,
  decryptFile,
  decryptStream,
  encryptStream,
  generateAgeIdentity,
  openAge,
  sealAge,
} from '../../../../src/core/crypto/age';
import { CHUNK, collect, digest, piecesOf, SEALED, seededBytes } from './helpers';

const PLAIN = seededBytes(42, 3 * CHUNK + 100); // three full chunks and a short final one
let identity: string;
let recipient: string;
let sealed: Buffer;
let payloadAt: number; // first byte of chunk 0, after header and nonce
let dir: string;

beforeAll(async () => {
  ({ identity, recipient } = await generateAgeIdentity());
  sealed = await collect(sealAge(piecesOf(PLAIN), [recipient]));
  const macLine = sealed.indexOf('\n--- ');
  payloadAt = sealed.indexOf('\n', macLine + 1) + 1 + 16;
  dir = await mkdtemp(join(tmpdir(), 'basedesk-age-tamper-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const chunkAt = (i: number) => payloadAt + i * SEALED;

/** Decrypts both ways; returns the error code and what the streaming side released before it. */
async function attempt(file: Buffer, ids = [identity]): Promise<{ code: string; released: Buffer; fileCode: string }> {
  const parts: Buffer[] = [];
  let code = 'none';
  try {
    for await (const p of await openAge(piecesOf(file, 5000), ids)) parts.push(p);
  } catch (e) {
    code = (e as { code: string }).code;
  }
  const src = join(dir, 'in.age');
  const dst = join(dir, 'out.bin');
  await writeFile(src, file);
  let fileCode = 'none';
  await decryptFile(src, dst, ids).catch((e: { code: string }) => (fileCode = e.code));
  if (fileCode !== 'none') expect(existsSync(dst)).toBe(false);
  return { code, released: Buffer.concat(parts), fileCode };
}

/** Replaces one base64 character of the header with another valid one (a bit flip could leave the alphabet). */
function retype(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
  return copy;
}

function flip(file: Buffer, at: number): Buffer {
  const copy = Buffer.from(file);
  copy[at]! ^= 0x01;
  return copy;
}

describe('a damaged or foreign age file is refused with a stable code', () => {
  it('opens when untouched', async () => {
    const r = await attempt(sealed);
    expect([r.code, r.fileCode]).toEqual(['none', 'none']);
    expect(digest(r.released)).toBe(digest(PLAIN));
  });

  it('truncated at a chunk boundary: the final chunk is missing', async () => {
    const r = await attempt(sealed.subarray(0, chunkAt(2)));
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadTruncated, AGE_ERROR.payloadTruncated]);
    // The two chunks that did authenticate were released, nothing more.
    expect(digest(r.released)).toBe(digest(PLAIN.subarray(0, 2 * CHUNK)));
  });

  it('truncated inside a chunk: that chunk no longer authenticates', async () => {
    const r = await attempt(sealed.subarray(0, sealed.length - 50));
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadCorrupt, AGE_ERROR.payloadCorrupt]);
  });

  it('truncated inside the header, or right after it', async () => {
    for (const end of [10, payloadAt - 20, payloadAt - 16, payloadAt - 5]) {
      const r = await attempt(sealed.subarray(0, end));
      expect([end, r.code, r.fileCode]).toEqual([end, AGE_ERROR.headerInvalid, AGE_ERROR.headerInvalid]);
    }
  });

  it('with two chunks swapped', async () => {
    const swapped = Buffer.concat([
      sealed.subarray(0, chunkAt(0)),
      sealed.subarray(chunkAt(1), chunkAt(2)),
      sealed.subarray(chunkAt(0), chunkAt(1)),
      sealed.subarray(chunkAt(2)),
    ]);
    const r = await attempt(swapped);
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadCorrupt, AGE_ERROR.payloadCorrupt]);
    expect(r.released.length).toBe(0);
  });

  it('with the final chunk moved before the others', async () => {
    const moved = Buffer.concat([
      sealed.subarray(0, chunkAt(0)),
      sealed.subarray(chunkAt(3)),
      sealed.subarray(chunkAt(0), chunkAt(3)),
    ]);
    const r = await attempt(moved);
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadCorrupt, AGE_ERROR.payloadCorrupt]);
  });

  it('for someone else', async () => {
    const other = await generateAgeIdentity();
    const r = await attempt(sealed, [other.identity]);
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.noMatch, AGE_ERROR.noMatch]);
  });

  it('with one payload bit flipped: refused at that chunk, after releasing the ones before', async () => {
    const r = await attempt(flip(sealed, chunkAt(2) + 1000));
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadCorrupt, AGE_ERROR.payloadCorrupt]);
    expect(digest(r.released)).toBe(digest(PLAIN.subarray(0, 2 * CHUNK)));
  });

  it('with a bit flipped in the payload nonce or the final tag, or a character changed in the header MAC', async () => {
    expect((await attempt(flip(sealed, payloadAt - 3))).code).toBe(AGE_ERROR.payloadCorrupt);
    expect((await attempt(flip(sealed, sealed.length - 1))).code).toBe(AGE_ERROR.payloadCorrupt);
    const mac = sealed.indexOf('\n--- ') + 10;
    expect((await attempt(retype(sealed, mac))).code).toBe(AGE_ERROR.headerMacInvalid);
  });

  it('with a character changed in the wrapped file key: the stanza no longer opens', async () => {
    const body = sealed.indexOf('\n', sealed.indexOf('-> X25519')) + 5;
    expect((await attempt(retype(sealed, body))).code).toBe(AGE_ERROR.noMatch);
  });

  it('with bytes appended after the final chunk', async () => {
    const r = await attempt(Buffer.concat([sealed, Buffer.from([0])]));
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadCorrupt, AGE_ERROR.payloadCorrupt]);
  });
});

// The file functions read 4 chunks at a time; 16 was their earlier window, and stays an edge of this one.
describe.each([4, 16])('damage at a window edge of the file functions (after chunk %i)', (edge) => {
  // 33 chunks: whole windows, then a byte-short final chunk.
  const BIG = seededBytes(43, 33 * CHUNK - 1);
  let big: Buffer;
  beforeAll(async () => {
    big = await collect(sealAge(piecesOf(BIG), [recipient]));
  });

  it('opens when untouched', async () => {
    const r = await attempt(big);
    expect([r.code, r.fileCode]).toEqual(['none', 'none']);
    expect(digest(r.released)).toBe(digest(BIG));
  });

  it('cut exactly at the edge: the last chunk before it is not final', async () => {
    const r = await attempt(big.subarray(0, chunkAt(edge)));
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadTruncated, AGE_ERROR.payloadTruncated]);
    expect(digest(r.released)).toBe(digest(BIG.subarray(0, edge * CHUNK)));
  });

  it('cut one byte past the edge', async () => {
    const r = await attempt(big.subarray(0, chunkAt(edge) + 1));
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadTruncated, AGE_ERROR.payloadTruncated]);
  });

  it('with the chunks on either side of the window edge swapped', async () => {
    const swapped = Buffer.concat([
      big.subarray(0, chunkAt(edge - 1)),
      big.subarray(chunkAt(edge), chunkAt(edge + 1)),
      big.subarray(chunkAt(edge - 1), chunkAt(edge)),
      big.subarray(chunkAt(edge + 1)),
    ]);
    const r = await attempt(swapped);
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadCorrupt, AGE_ERROR.payloadCorrupt]);
    expect(digest(r.released)).toBe(digest(BIG.subarray(0, (edge - 1) * CHUNK)));
  });

  it('with a bit flipped in the first chunk after the edge', async () => {
    const r = await attempt(flip(big, chunkAt(edge) + 3));
    expect([r.code, r.fileCode]).toEqual([AGE_ERROR.payloadCorrupt, AGE_ERROR.payloadCorrupt]);
    expect(digest(r.released)).toBe(digest(BIG.subarray(0, edge * CHUNK)));
  });
});

describe('the package-facing stream API keeps its codes', () => {
  it('header problems become PKG_DECRYPT_FAILED, naming the age code', async () => {
    const other = await generateAgeIdentity();
    await expect(decryptStream(piecesOf(sealed), [other.identity])).rejects.toMatchObject({
      code: 'PKG_DECRYPT_FAILED',
      details: { ageCode: AGE_ERROR.noMatch },
    });
    await expect(decryptStream(piecesOf(sealed), ['AGE-SECRET-KEY-1NOTAKEY'])).rejects.toMatchObject({
      code: 'PKG_DECRYPT_FAILED',
      details: { ageCode: AGE_ERROR.identityInvalid },
    });
  });

  it('payload damage fails the returned stream', async () => {
    const plain = await decryptStream(piecesOf(flip(sealed, chunkAt(1) + 7)), [identity]);
    await expect(collect(plain)).rejects.toMatchObject({ code: AGE_ERROR.payloadCorrupt });
  });

  it('refuses bad recipients before producing anything', async () => {
    const bad = [
      '',
      'age1notvalid',
      recipient.toUpperCase(),
      `${recipient.slice(0, -1)}${recipient.endsWith('q') ? 'p' : 'q'}`,
      identity,
    ];
    for (const r of bad) {
      expect(() => assertAgeRecipients([r])).toThrow(expect.objectContaining({ code: AGE_ERROR.recipientInvalid }));
      await expect(encryptStream(piecesOf(PLAIN), [r])).rejects.toMatchObject({ code: AGE_ERROR.recipientInvalid });
    }
    expect(() => assertAgeRecipients([])).toThrow(expect.objectContaining({ code: AGE_ERROR.recipientInvalid }));
  });
});
