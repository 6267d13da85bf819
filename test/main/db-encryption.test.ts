import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { databaseFileState } from '../../src/core/db/cipher';
import { DB_FILE_NAME, openCore } from '../../src/core/open-core';
import { PASSPHRASE_SCHEME, type KeyProtector } from '../../src/core/outbox/key-protector';
import { appDbKeySource, offerEncryption } from '../../src/main/db-encryption';
import { safeStorageProtector } from '../../src/main/key-protector';
import { tempDir, TEST_DB_KEY, TEST_SCRYPT_COST } from '../helpers/core';

// key-protector.ts imports Electron's safeStorage; the tests pass their own stand-in instead.
vi.mock('electron', () => ({ safeStorage: {} }));

const keychain = { scheme: 'electron-safestorage' } as KeyProtector;

describe("the app's database key", () => {
  it('is sealed by the keychain, or by BASEDESK_DB_PASSPHRASE when it is set', () => {
    const fromKeychain = appDbKeySource(keychain, {});
    expect('protector' in fromKeychain && fromKeychain.protector.scheme).toBe('electron-safestorage');
    const fromPassphrase = appDbKeySource(keychain, { BASEDESK_DB_PASSPHRASE: 'server passphrase 8 moons' });
    expect('protector' in fromPassphrase && fromPassphrase.protector.scheme).toBe(PASSPHRASE_SCHEME);
  });
});

describe('start-up with a plain database from an older version', () => {
  async function plainFolder(): Promise<string> {
    const dataDir = tempDir();
    await (await openCore({ dataDir, scryptCost: TEST_SCRYPT_COST })).close();
    return dataDir;
  }

  it('asks once; declining keeps the database as it is', async () => {
    const dataDir = await plainFolder();
    const asked: string[] = [];
    const r = await offerEncryption(dataDir, { key: TEST_DB_KEY }, async () => (asked.push('?'), false));
    expect(r).toBe('declined');
    expect(asked).toHaveLength(1);
    expect(databaseFileState(join(dataDir, DB_FILE_NAME))).toBe('plain');
  });

  it('agreeing converts it, and an encrypted or new folder is never asked about', async () => {
    const dataDir = await plainFolder();
    expect(await offerEncryption(dataDir, { key: TEST_DB_KEY }, async () => true)).toBe('encrypted');
    expect(databaseFileState(join(dataDir, DB_FILE_NAME))).toBe('encrypted');
    const never = async (): Promise<boolean> => {
      throw new Error('asked');
    };
    expect(await offerEncryption(dataDir, { key: TEST_DB_KEY }, never)).toBe('not-needed');
    expect(await offerEncryption(tempDir(), { key: TEST_DB_KEY }, never)).toBe('not-needed');
  });
});

describe('a keychain that cannot be used', () => {
  it('is DB_KEY_REQUIRED naming the database key and the passphrase way out', async () => {
    const locked = safeStorageProtector(
      { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
      'linux',
    );
    await expect(openCore({ dataDir: tempDir(), dbKey: appDbKeySource(locked, {}) })).rejects.toMatchObject({
      code: 'DB_KEY_REQUIRED',
      message: expect.stringMatching(/数据库密钥.*BASEDESK_DB_PASSPHRASE/),
    });
  });

  it('a key sealed by a working keychain opens again through it', async () => {
    const dataDir = tempDir();
    const fake = {
      isEncryptionAvailable: () => true,
      encryptString: (s: string) => Buffer.from(s, 'utf8').reverse(),
      decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
    };
    const source = appDbKeySource(safeStorageProtector(fake, 'darwin'), {});
    await (await openCore({ dataDir, dbKey: source, scryptCost: TEST_SCRYPT_COST })).close();
    const again = await openCore({ dataDir, dbKey: source, scryptCost: TEST_SCRYPT_COST });
    expect(again.encrypted).toBe(true);
    await again.close();
  });
});
