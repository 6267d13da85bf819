import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Decrypter, Encrypter } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ageRecipientOf,
  decryptFile,
  decryptStream,
  encryptFile,
  encryptStream,
  generateAgeIdentity,
  openAge,
  sealAge,
} from '../../../../src/core/crypto/age';
import { CHUNK, collect, digest, piecesOf, seededBytes } from './helpers';

const run = promisify(execFile);
const AGE = '/usr/bin/age';
const AGE_KEYGEN = '/usr/bin/age-keygen';
const HAVE_AGE = existsSync(AGE) && existsSync(AGE_KEYGEN);

// Empty, one byte, around one chunk, and around the window edges of the file functions (every 4 chunks).
const SIZES = [
  0,
  1,
  CHUNK - 1,
  CHUNK,
  CHUNK + 1,
  4 * CHUNK - 1,
  4 * CHUNK,
  4 * CHUNK + 1,
  16 * CHUNK,
  16 * CHUNK + 1,
  33 * CHUNK + 4097,
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'basedesk-age-interop-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('our own round trip', () => {
  it.each(SIZES)('%i bytes, streaming and file to file, read back by either', async (size) => {
    const plain = seededBytes(size, size);
    const { identity, recipient } = await generateAgeIdentity();
    const streamed = await collect(sealAge(piecesOf(plain, 7919), [recipient]));
    const src = join(dir, `plain-${size}`);
    await writeFile(src, plain);
    await encryptFile(src, join(dir, `file-${size}.age`), [recipient]);
    const filed = await readFile(join(dir, `file-${size}.age`));
    // Header and payload nonce are fresh per file: same length, different bytes.
    expect(filed.length).toBe(streamed.length);
    expect(digest(await collect(await openAge(piecesOf(filed, 4099), [identity])))).toBe(digest(plain));
    await writeFile(join(dir, `stream-${size}.age`), streamed);
    await decryptFile(join(dir, `stream-${size}.age`), join(dir, `out-${size}`), [identity]);
    expect(digest(await readFile(join(dir, `out-${size}`)))).toBe(digest(plain));
  });

  it.each([0, CHUNK, 16 * CHUNK + 1])('%i bytes: the file functions count what they read and wrote', async (size) => {
    const { identity, recipient } = await generateAgeIdentity();
    const src = join(dir, `count-${size}`);
    await writeFile(src, seededBytes(400 + size, size));
    const sealedAt = join(dir, `count-${size}.age`);
    const sealing = await encryptFile(src, sealedAt, [recipient]);
    const sealedSize = (await readFile(sealedAt)).length;
    expect(sealing).toEqual({ bytesIn: size, bytesOut: sealedSize });
    expect(await decryptFile(sealedAt, join(dir, `count-${size}.out`), [identity])).toEqual({
      bytesIn: sealedSize,
      bytesOut: size,
    });
  });

  it('derives the recipient of the specification example identity', async () => {
    expect(await ageRecipientOf('AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX')).toBe(
      'age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj',
    );
  });

  it('encrypts to several recipients, each of whom can decrypt', async () => {
    const a = await generateAgeIdentity();
    const b = await generateAgeIdentity();
    const plain = seededBytes(7, 3 * CHUNK + 5);
    const sealed = await collect(sealAge(piecesOf(plain), [a.recipient, b.recipient]));
    expect(digest(await collect(await openAge(piecesOf(sealed), [b.identity])))).toBe(digest(plain));
    expect(digest(await collect(await openAge(piecesOf(sealed), [a.identity])))).toBe(digest(plain));
  });
});

describe('typage (the age-encryption package) as an oracle', () => {
  it.each([0, CHUNK, 2 * CHUNK + 3])('%i bytes: typage reads ours and we read typage', async (size) => {
    const plain = seededBytes(100 + size, size);
    const { identity, recipient } = await generateAgeIdentity();
    const ours = await collect(sealAge(piecesOf(plain), [recipient]));
    const d = new Decrypter();
    d.addIdentity(identity);
    expect(digest(Buffer.from(await d.decrypt(ours)))).toBe(digest(plain));
    const e = new Encrypter();
    e.addRecipient(recipient);
    const theirs = Buffer.from(await e.encrypt(plain));
    expect(digest(await collect(await openAge(piecesOf(theirs), [identity])))).toBe(digest(plain));
  });
});

describe.skipIf(!HAVE_AGE)(`the age binary (skipped when ${AGE} is missing: install Debian's age package)`, () => {
  let idFile: string;
  let identity: string;
  let recipient: string;
  beforeAll(async () => {
    idFile = join(dir, 'binary-identity.txt');
    await run(AGE_KEYGEN, ['-o', idFile]);
    recipient = (await run(AGE_KEYGEN, ['-y', idFile])).stdout.trim();
    identity = (await readFile(idFile, 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
  });

  it.each(SIZES)('%i bytes: age -d reads ours, and we read age -e', async (size) => {
    const plain = seededBytes(200 + size, size);
    const src = join(dir, `bin-plain-${size}`);
    await writeFile(src, plain);

    await encryptFile(src, join(dir, `ours-${size}.age`), [recipient]);
    await run(AGE, ['-d', '-i', idFile, '-o', join(dir, `bin-out-${size}`), join(dir, `ours-${size}.age`)]);
    // age creates its output file only once it has bytes to write.
    expect(digest(await readFile(join(dir, `bin-out-${size}`)).catch(() => Buffer.alloc(0)))).toBe(digest(plain));

    await run(AGE, ['-r', recipient, '-o', join(dir, `bin-${size}.age`), src]);
    await decryptFile(join(dir, `bin-${size}.age`), join(dir, `our-out-${size}`), [identity]);
    expect(digest(await readFile(join(dir, `our-out-${size}`)))).toBe(digest(plain));
    expect(digest(await collect(await decryptStream(piecesOf(await readFile(join(dir, `bin-${size}.age`))), [identity])))).toBe(
      digest(plain),
    );
  });

  it('the binary reads what the stream API writes, and accepts a key we generated', async () => {
    const ours = await generateAgeIdentity();
    const plain = seededBytes(300, 5 * CHUNK + 77);
    const sealed = await collect(await encryptStream(piecesOf(plain), [ours.recipient]));
    await writeFile(join(dir, 'stream.age'), sealed);
    await writeFile(join(dir, 'our-identity.txt'), `${ours.identity}\n`);
    await run(AGE, ['-d', '-i', join(dir, 'our-identity.txt'), '-o', join(dir, 'stream.out'), join(dir, 'stream.age')]);
    expect(digest(await readFile(join(dir, 'stream.out')))).toBe(digest(plain));
    // And age-keygen derives the same recipient from our identity.
    expect((await run(AGE_KEYGEN, ['-y', join(dir, 'our-identity.txt')])).stdout.trim()).toBe(ours.recipient);
  });
});
