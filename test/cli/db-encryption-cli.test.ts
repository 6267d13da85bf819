import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileState } from '../../src/core/db/cipher';
import { DB_FILE_NAME, openCore } from '../../src/core/open-core';
import { cli, initBase, TEST_DB_PASSPHRASE } from '../helpers/cli';
import { tempDir, TEST_SCRYPT_COST } from '../helpers/core';

const env = { BASEDESK_PASSWORD: 'correct horse 1' };

describe('basedesk with an encrypted data folder', () => {
  it('init creates an encrypted database; a wrong or missing passphrase is a coded error, not a stack trace', async () => {
    const dir = tempDir();
    expect((await initBase(dir, env)).code).toBe(0);
    expect(databaseFileState(join(dir, DB_FILE_NAME))).toBe('encrypted');

    const wrong = await cli(['--data-dir', dir, '--json', 'status'], {
      env: { BASEDESK_DB_PASSPHRASE: 'wrong passphrase 31 crows' },
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/DB_KEY_WRONG/);
    expect(wrong.stderr).toMatch(/口令不正确/);
    expect(wrong.stderr).not.toMatch(/\n\s+at /);

    const none = await cli(['--data-dir', dir, 'status'], { env: { BASEDESK_DB_PASSPHRASE: '' } });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/DB_KEY_REQUIRED/);
    expect(none.stderr).toMatch(/BASEDESK_DB_PASSPHRASE/);
  });

  it('a weak passphrase is refused when a folder is created', async () => {
    const r = await initBase(tempDir(), { ...env, BASEDESK_DB_PASSPHRASE: 'password' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DB_PASSPHRASE_WEAK/);
  });

  it('db rekey changes the passphrase: the old one stops working, the data stays', async () => {
    const dir = tempDir();
    await initBase(dir, env);
    const next = 'a new passphrase for 2027 spring';
    const r = await cli(['--data-dir', dir, '--json', 'db', 'rekey'], { env: { BASEDESK_DB_NEW_PASSPHRASE: next } });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ rekeyed: true });
    expect((await cli(['--data-dir', dir, 'status'])).stderr).toMatch(/DB_KEY_WRONG/);
    const status = await cli(['--data-dir', dir, '--json', 'status'], { env: { BASEDESK_DB_PASSPHRASE: next } });
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({ initialized: true });
  });

  it('db encrypt converts an older plain folder; until then commands warn that it is plain', async () => {
    const dir = tempDir();
    await (await openCore({ dataDir: dir, scryptCost: TEST_SCRYPT_COST })).close();
    const before = await cli(['--data-dir', dir, 'status']);
    expect(before.code).toBe(0);
    expect(before.stderr).toMatch(/尚未加密.*basedesk db encrypt/);

    const r = await cli(['--data-dir', dir, '--json', 'db', 'encrypt']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({
      encrypted: true,
      file: join(dir, DB_FILE_NAME),
      backups: 0,
      keyFile: join(dir, 'basedesk-key.json'),
    });
    expect(databaseFileState(join(dir, DB_FILE_NAME))).toBe('encrypted');
    const after = await cli(['--data-dir', dir, 'status'], { env: { BASEDESK_DB_PASSPHRASE: TEST_DB_PASSPHRASE } });
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    expect((await cli(['--data-dir', dir, 'db', 'encrypt'])).stderr).toMatch(/DB_ALREADY_ENCRYPTED/);
  });
});
