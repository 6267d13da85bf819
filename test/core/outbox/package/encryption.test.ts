import { execFile } from 'node:child_process';
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../../src/core/crypto/age';
import { verifyPackage } from '../../../../src/core/outbox/package/verify';
import { buildSample, sha512, tempDir } from './fixtures';

const run = promisify(execFile);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

describe('age encryption of the whole package', () => {
  it('the standard age decrypts it, and the result is the signed bag', async () => {
    const idFile = join(dir, 'identity.txt');
    await run('/usr/bin/age-keygen', ['-o', idFile]);
    const { stdout } = await run('/usr/bin/age-keygen', ['-y', idFile]);
    const recipient = stdout.trim();
    const plain = await buildSample(dir, {}, 'plain.zip');
    const { built, key } = await buildSample(dir, { encryptTo: recipient }, 'enc.zip.age');
    expect(built.encrypted).toBe(true);
    expect((await readFile(built.filePath)).subarray(0, 22).toString()).toBe('age-encryption.org/v1\n');
    expect(built.sha512).toBe(sha512(await readFile(built.filePath)));
    // The bag inside is the same reproducible ZIP as the unencrypted build.
    expect(built.bagSha512).toBe(plain.built.sha512);

    const out = join(dir, 'decrypted.zip');
    await run('/usr/bin/age', ['-d', '-i', idFile, '-o', out, built.filePath]);
    expect(sha512(await readFile(out))).toBe(built.bagSha512);
    expect(await verifyPackage(out, { trustedKeys: [key] })).toMatchObject({ ok: true, encrypted: false, uuid: built.uuid });

    // And our verifier opens it directly with the same identity.
    const identity = (await readFile(idFile, 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!;
    expect(await verifyPackage(built.filePath, { trustedKeys: [key], identities: [identity] })).toMatchObject({
      ok: true,
      encrypted: true,
      sha512: built.sha512,
      bagSha512: built.bagSha512,
    });
  });

  it('our own identities work with the age binary too', async () => {
    const pair = await generateAgeIdentity();
    expect(pair.recipient).toMatch(/^age1/);
    const { built } = await buildSample(dir, { encryptTo: [pair.recipient] }, 'enc.zip.age');
    const idFile = join(dir, 'id.txt');
    await writeFile(idFile, `${pair.identity}\n`);
    const { stdout } = await run('/usr/bin/age', ['-d', '-i', idFile, built.filePath], {
      encoding: 'buffer',
      maxBuffer: 1 << 24,
    });
    expect(sha512(stdout as unknown as Buffer)).toBe(built.bagSha512);
  });

  it('is refused without an identity, with the wrong one, or when damaged', async () => {
    const right = await generateAgeIdentity();
    const wrong = await generateAgeIdentity();
    const { built, key } = await buildSample(dir, { encryptTo: right.recipient }, 'enc.zip.age');
    const opts = { trustedKeys: [key] };
    expect(await verifyPackage(built.filePath, opts)).toMatchObject({
      ok: false,
      errors: [{ code: 'PKG_ENCRYPTED_NO_IDENTITY', file: 'enc.zip.age' }],
    });
    expect(await verifyPackage(built.filePath, { ...opts, identities: [wrong.identity] })).toMatchObject({
      ok: false,
      errors: [{ code: 'PKG_DECRYPT_FAILED', file: 'enc.zip.age' }],
    });
    const size = (await readFile(built.filePath)).length;
    await truncate(built.filePath, size - 100);
    expect(await verifyPackage(built.filePath, { ...opts, identities: [right.identity] })).toMatchObject({
      ok: false,
      errors: [{ code: 'PKG_DECRYPT_FAILED' }],
    });
  });

  it('rejects a malformed recipient before writing anything', async () => {
    await expect(buildSample(dir, { encryptTo: 'age1notvalid' }, 'x.zip.age')).rejects.toMatchObject({
      code: 'AGE_RECIPIENT_INVALID',
    });
    await expect(buildSample(dir, { encryptTo: 'ssh-ed25519 AAAA' }, 'x.zip.age')).rejects.toMatchObject({
      code: 'AGE_RECIPIENT_INVALID',
    });
  });
});
