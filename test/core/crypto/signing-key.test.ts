import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptSigningKey, encryptSigningKey } from '../../../src/core/crypto/key-envelope';
import { parseMinisignSignature, signMinisign, verifyMinisignSignature } from '../../../src/core/crypto/minisign';
import {
  exportMinisignPublicKey,
  generateSigningKey,
  keyFingerprint,
  minisignPublicKeyBase64,
  normalizeFingerprint,
  parseMinisignPublicKey,
  publicKeyOf,
} from '../../../src/core/crypto/signing-key';

const run = promisify(execFile);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'basedesk-key-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('signing keys', () => {
  it('generates Ed25519 keys with an 8-byte id and round-trips the minisign public key', () => {
    const k = generateSigningKey();
    expect(k.keyId).toHaveLength(8);
    expect(k.publicKey).toHaveLength(32);
    expect(k.secretKey).toHaveLength(32);
    const text = exportMinisignPublicKey(k);
    expect(text).toBe(`untrusted comment: minisign public key ${keyFingerprint(k)}\n${minisignPublicKeyBase64(k)}\n`);
    expect(parseMinisignPublicKey(text)).toEqual(publicKeyOf(k));
    expect(parseMinisignPublicKey(minisignPublicKeyBase64(k))).toEqual(publicKeyOf(k));
  });

  it('shows the key id the way minisign does', async () => {
    await run('/usr/bin/minisign', ['-G', '-W', '-p', join(dir, 'm.pub'), '-s', join(dir, 'm.key')]);
    const pubText = await readFile(join(dir, 'm.pub'), 'utf8');
    // minisign prints the id without leading zeros (one key in sixteen is 15 digits there); ours is fixed-width
    const shown = /minisign public key ([0-9A-F]{1,16})\n/.exec(pubText)![1]!;
    expect(keyFingerprint(parseMinisignPublicKey(pubText))).toBe(shown.padStart(16, '0'));
    expect(normalizeFingerprint(shown.toLowerCase())).toBe(keyFingerprint(parseMinisignPublicKey(pubText)));
  });

  it.each([
    ['empty', ''],
    ['garbage', 'hello world'],
    ['three lines', 'untrusted comment: x\nRWQ=\nmore\n'],
    ['short key', 'untrusted comment: x\nRWQEAHjKHh+LyNWm\n'],
    ['not Ed', `untrusted comment: x\n${Buffer.concat([Buffer.from('Xx'), Buffer.alloc(40)]).toString('base64')}\n`],
  ])('rejects a %s public key with KEY_FORMAT', (_l, text) => {
    expect(() => parseMinisignPublicKey(text)).toThrow(expect.objectContaining({ code: 'KEY_FORMAT' }));
  });
});

describe('minisign signatures', () => {
  it('reads and checks signatures made by the minisign tool (both algorithms)', async () => {
    await run('/usr/bin/minisign', ['-G', '-W', '-p', join(dir, 'm.pub'), '-s', join(dir, 'm.key')]);
    const file = join(dir, 'f.txt');
    await writeFile(file, 'tagmanifest stand-in\n');
    const pub = parseMinisignPublicKey(await readFile(join(dir, 'm.pub'), 'utf8'));
    for (const legacy of [false, true]) {
      await run('/usr/bin/minisign', [
        '-S',
        ...(legacy ? ['-l'] : []),
        '-s',
        join(dir, 'm.key'),
        '-m',
        file,
        '-t',
        'uuid:x base:y kind:z',
      ]);
      const sig = parseMinisignSignature(await readFile(`${file}.minisig`, 'utf8'));
      expect(sig.algorithm).toBe(legacy ? 'Ed' : 'ED');
      expect(sig.trustedComment).toBe('uuid:x base:y kind:z');
      expect(verifyMinisignSignature(await readFile(file), sig, [pub])).toMatchObject({ ok: true });
      expect(verifyMinisignSignature(Buffer.from('other'), sig, [pub])).toMatchObject({ ok: false, code: 'SIG_INVALID' });
    }
  });

  it('signs so that a wrong key, other data, or an edited trusted comment fail', () => {
    const k = generateSigningKey();
    const data = Buffer.from('abc');
    const text = signMinisign(data, k, { trustedComment: 'uuid:1' });
    const sig = parseMinisignSignature(text);
    expect(verifyMinisignSignature(data, sig, [publicKeyOf(k)])).toMatchObject({ ok: true });
    expect(verifyMinisignSignature(data, sig, [publicKeyOf(generateSigningKey())])).toMatchObject({
      ok: false,
      code: 'SIG_UNKNOWN_KEY',
    });
    expect(verifyMinisignSignature(data, { ...sig, trustedComment: 'uuid:2' }, [publicKeyOf(k)])).toMatchObject({
      ok: false,
      code: 'SIG_INVALID',
    });
    // Same key id, different key material: a forged key id does not help.
    const impostor = { ...generateSigningKey(), keyId: k.keyId };
    expect(
      verifyMinisignSignature(data, parseMinisignSignature(signMinisign(data, impostor, { trustedComment: 'uuid:1' })), [
        publicKeyOf(k),
      ]),
    ).toMatchObject({
      ok: false,
      code: 'SIG_INVALID',
    });
  });

  it('is deterministic (Ed25519)', () => {
    const k = generateSigningKey();
    expect(signMinisign(Buffer.from('x'), k, { trustedComment: 't' })).toBe(
      signMinisign(Buffer.from('x'), k, { trustedComment: 't' }),
    );
  });

  it.each([
    ['empty', ''],
    ['three lines', 'untrusted comment: a\nRUQ=\ntrusted comment: b\n'],
    ['bad base64', 'untrusted comment: a\n!!!!\ntrusted comment: b\nAAAA\n'],
    [
      'no trusted prefix',
      `untrusted comment: a\n${Buffer.alloc(74).toString('base64')}\ncomment: b\n${Buffer.alloc(64).toString('base64')}\n`,
    ],
  ])('rejects a %s signature file with SIG_FORMAT', (_l, text) => {
    expect(() => parseMinisignSignature(text)).toThrow(expect.objectContaining({ code: 'SIG_FORMAT' }));
  });
});

describe('secret key at rest', () => {
  it('round-trips with the passphrase and keeps the fingerprint readable', async () => {
    const k = generateSigningKey();
    const env = await encryptSigningKey(k, '正确的口令 correct horse');
    expect(env).toMatchObject({
      format: 'basedesk-signing-key',
      version: 1,
      fingerprint: keyFingerprint(k),
      kdf: { name: 'scrypt', logN: 15, r: 8, p: 1 },
    });
    expect(JSON.stringify(env)).not.toContain(Buffer.from(k.secretKey).toString('base64'));
    const back = await decryptSigningKey(JSON.stringify(env), '正确的口令 correct horse');
    expect(back).toEqual(k);
  });

  it('a wrong passphrase -> KEY_PASSPHRASE_WRONG', async () => {
    const env = await encryptSigningKey(generateSigningKey(), 'right');
    await expect(decryptSigningKey(env, 'wrong')).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_WRONG' });
  });

  it('a swapped key id or public key does not decrypt (bound as associated data)', async () => {
    const env = await encryptSigningKey(generateSigningKey(), 'pw');
    const other = generateSigningKey();
    await expect(decryptSigningKey({ ...env, keyId: Buffer.from(other.keyId).toString('hex') }, 'pw')).rejects.toMatchObject({
      code: 'KEY_PASSPHRASE_WRONG',
    });
    await expect(
      decryptSigningKey({ ...env, publicKey: Buffer.from(other.publicKey).toString('base64') }, 'pw'),
    ).rejects.toMatchObject({
      code: 'KEY_PASSPHRASE_WRONG',
    });
  });

  it('malformed envelopes -> KEY_FORMAT; an empty passphrase -> KEY_PASSPHRASE_EMPTY', async () => {
    const env = await encryptSigningKey(generateSigningKey(), 'pw');
    await expect(decryptSigningKey('not json', 'pw')).rejects.toMatchObject({ code: 'KEY_FORMAT' });
    await expect(decryptSigningKey({ ...env, version: 2 }, 'pw')).rejects.toMatchObject({ code: 'KEY_FORMAT' });
    await expect(decryptSigningKey({ ...env, kdf: { ...env.kdf, logN: 30 } }, 'pw')).rejects.toMatchObject({
      code: 'KEY_FORMAT',
    });
    await expect(decryptSigningKey({ ...env, nonce: 'AAAA' }, 'pw')).rejects.toMatchObject({ code: 'KEY_FORMAT' });
    await expect(encryptSigningKey(generateSigningKey(), '')).rejects.toMatchObject({ code: 'KEY_PASSPHRASE_EMPTY' });
  });
});
