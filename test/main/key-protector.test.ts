import { describe, expect, it, vi } from 'vitest';
import { keyProtectorOf } from '../../src/core/outbox/key-protector';
import { ok, err } from '../helpers/core';
import { outboxBase } from '../core/outbox/helpers';

// A stand-in for Electron's safeStorage: reversible, but not the identity, so a clear seed would show.
const fake = {
  available: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => fake.available,
  getSelectedStorageBackend: () => fake.backend,
  encryptString: (s: string) => Buffer.from(`sealed:${Buffer.from(s, 'utf8').toString('hex').split('').reverse().join('')}`),
  decryptString: (b: Buffer) => {
    const t = b.toString('utf8');
    if (!t.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(t.slice(7).split('').reverse().join(''), 'hex').toString('utf8');
  },
};
vi.mock('electron', () => ({ safeStorage: fake }));

const { installKeyProtector, safeStorageProtector } = await import('../../src/main/key-protector');

describe('Electron key protector (safeStorage)', () => {
  it('seals the signing key with safeStorage and opens it to sign packages', async () => {
    const { core, session } = await outboxBase({ applicants: 2 });
    installKeyProtector(core, {});
    expect(keyProtectorOf(core)?.scheme).toBe('electron-safestorage');
    const k = await ok(core, session, 'keys.init');
    expect(k.active!.sealedWith).toEqual(['electron-safestorage']);
    const seal = await core.db.selectFrom('signing_key_seals').select('sealed').executeTakeFirstOrThrow();
    expect(Buffer.from(seal.sealed, 'base64').toString('utf8')).toMatch(/^sealed:/);
    expect((await ok(core, session, 'package.build', { kind: 'confirmations' })).keyFingerprint).toBe(k.active!.fingerprint);
  });

  it('refuses an unavailable or Linux basic_text keychain instead of storing the key weakly', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    installKeyProtector(core, {});
    fake.available = false;
    try {
      expect((await err(core, session, 'keys.init')).code).toBe('KEY_KEYCHAIN_UNAVAILABLE');
    } finally {
      fake.available = true;
    }
    fake.backend = 'basic_text';
    try {
      await expect(
        safeStorageProtector(fake, 'linux').seal({
          keyId: new Uint8Array(8),
          publicKey: new Uint8Array(32),
          secretKey: new Uint8Array(32),
        }),
      ).rejects.toMatchObject({
        code: 'KEY_KEYCHAIN_UNAVAILABLE',
      });
    } finally {
      fake.backend = 'gnome_libsecret';
    }
    expect(await core.db.selectFrom('signing_keys').selectAll().execute()).toEqual([]);
  });

  it('a blob the keychain cannot open is a coded error; BASEDESK_KEY_PASSPHRASE selects a passphrase instead', async () => {
    const { core, session } = await outboxBase({ applicants: 1 });
    installKeyProtector(core, {});
    await ok(core, session, 'keys.init');
    await core.db
      .updateTable('signing_key_seals')
      .set({ sealed: Buffer.from('garbage').toString('base64') })
      .execute();
    expect((await err(core, session, 'package.build', { kind: 'confirmations' })).code).toBe('KEY_KEYCHAIN_DECRYPT');
    installKeyProtector(core, { BASEDESK_KEY_PASSPHRASE: 'x' });
    expect(keyProtectorOf(core)?.scheme).toBe('passphrase-scrypt');
  });

  it('a keychain blob that opens but lacks the seed is KEY_FORMAT, not a crash', async () => {
    const expected = { keyId: new Uint8Array(8).fill(7), publicKey: new Uint8Array(32) };
    const keyId = Buffer.from(expected.keyId).toString('hex');
    const sealed = fake.encryptString(JSON.stringify({ keyId })).toString('base64');
    await expect(safeStorageProtector(fake, 'linux').open(sealed, expected)).rejects.toMatchObject({ code: 'KEY_FORMAT' });
  });
});
