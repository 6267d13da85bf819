import { lstatSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileState } from '../../../src/core/db/cipher';
import { DB_KEY_FILE_NAME } from '../../../src/core/db/db-key';
import type { DbKeySource } from '../../../src/core/db/key-source';
import { backupDatabase, openDatabase } from '../../../src/core/db/open';
import { DB_FILE_NAME, openCore } from '../../../src/core/open-core';
import { passphraseProtector } from '../../../src/core/outbox/key-protector';
import { createRng, makeIdNumber, makeName, makePhone } from '../../../src/core/testdata';
import { ok, setupBase, tempDir, TEST_SCRYPT_COST } from '../../helpers/core';

const PASS = 'rest test passphrase 42 lanterns';
// The lowest scrypt cost the key envelope accepts: sealing is not what these tests measure.
const CHEAP = { logN: 14, r: 8, p: 1 };
const withPassphrase = (pass: string): DbKeySource => ({ protector: passphraseProtector(() => pass, CHEAP) });

/** Every file and folder under `root` (symbolic links are not followed). */
function walk(root: string): Array<{ path: string; dir: boolean }> {
  const out: Array<{ path: string; dir: boolean }> = [{ path: root, dir: true }];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (lstatSync(path).isDirectory()) out.push(...walk(path));
    else out.push({ path, dir: false });
  }
  return out;
}

/** Files under `root` holding any of `secrets` in clear, as UTF-8 or UTF-16 (either byte order). */
function filesWithSecrets(root: string, secrets: string[]): string[] {
  const needles = secrets.flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le'), Buffer.from(s, 'utf16le').swap16()]);
  return walk(root)
    .filter((f) => !f.dir)
    .filter((f) => {
      const bytes = readFileSync(f.path);
      return needles.some((n) => bytes.includes(n));
    })
    .map((f) => f.path);
}

function badModes(root: string): string[] {
  return walk(root)
    .filter((f) => (lstatSync(f.path).mode & 0o777) !== (f.dir ? 0o700 : 0o600))
    .map((f) => `${f.path} ${(lstatSync(f.path).mode & 0o777).toString(8)}`);
}

async function importAndConfirm(dataDir: string): Promise<{ secrets: string[]; close: () => Promise<void> }> {
  const { core, session } = await setupBase('jilin-2024', '吉林大学第一医院', { dataDir, dbKey: withPassphrase(PASS) });
  const rng = createRng(20261201);
  const people = Array.from({ length: 40 }, () => ({ name: makeName(rng), id: makeIdNumber(rng), phone: makePhone(rng) }));
  const csv = [
    '姓名,证件号码,手机号码,人员类型,第一志愿,是否服从调剂',
    ...people.map((p) => `${p.name},${p.id},${p.phone},社会人,内科,是`),
  ].join('\n');
  await ok(core, session, 'applicants.commitImport', {
    fileName: '报名.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
  });
  await ok(core, session, 'confirm.decide', { targets: [people[0]!.id], decision: 'confirmed', checklistComplete: true });
  backupDatabase(core.raw, core.dbFile, 'manual');
  return { secrets: people.flatMap((p) => [p.id, p.phone]), close: () => core.close() };
}

describe('personal data at rest', () => {
  it('after import, confirmation and a backup, no file in the data folder shows an ID number or phone, and all are private', async () => {
    const dataDir = tempDir();
    const { secrets, close } = await importAndConfirm(dataDir);
    // Open: the WAL holds the latest writes.
    expect(filesWithSecrets(dataDir, secrets)).toEqual([]);
    expect(badModes(dataDir)).toEqual([]);
    await close();
    const names = walk(dataDir).map((f) => f.path.slice(dataDir.length + 1));
    expect(names).toEqual(expect.arrayContaining([DB_FILE_NAME, DB_KEY_FILE_NAME, 'backups']));
    expect(names.some((n) => n.startsWith('backups/') && n.endsWith('.sqlite'))).toBe(true);
    expect(filesWithSecrets(dataDir, secrets)).toEqual([]);
    expect(badModes(dataDir)).toEqual([]);
    // The scan would have found them: the data is there for whoever holds the key.
    const again = await openCore({ dataDir, dbKey: withPassphrase(PASS), scryptCost: TEST_SCRYPT_COST });
    const row = again.raw.prepare('SELECT count(*) AS n FROM applicants WHERE id_number = ?').get(secrets[0]) as { n: number };
    expect(row.n).toBe(1);
    await again.close();
  }, 120_000);

  it('a new data folder is encrypted from its first open, with its key sealed in a private file', async () => {
    const dataDir = tempDir();
    const core = await openCore({ dataDir, dbKey: withPassphrase(PASS) });
    expect(core.encrypted).toBe(true);
    await core.close();
    expect(databaseFileState(join(dataDir, DB_FILE_NAME))).toBe('encrypted');
    const keyFile = JSON.parse(readFileSync(join(dataDir, DB_KEY_FILE_NAME), 'utf8')) as { seals: Record<string, string> };
    expect(Object.keys(keyFile.seals)).toEqual(['passphrase-scrypt']);
    expect(lstatSync(join(dataDir, DB_KEY_FILE_NAME)).mode & 0o777).toBe(0o600);
  });

  it('a wrong passphrase is DB_KEY_WRONG, no passphrase DB_KEY_REQUIRED, a lost key file DB_KEY_FILE_MISSING', async () => {
    const dataDir = tempDir();
    await (await openCore({ dataDir, dbKey: withPassphrase(PASS) })).close();
    await expect(openCore({ dataDir, dbKey: withPassphrase('another passphrase 99 owls') })).rejects.toMatchObject({
      code: 'DB_KEY_WRONG',
      message: expect.stringMatching(/口令不正确/),
    });
    await expect(openCore({ dataDir })).rejects.toMatchObject({ code: 'DB_KEY_REQUIRED' });
    await expect(openCore({ dataDir, dbKey: { key: new Uint8Array(32).fill(7) } })).rejects.toMatchObject({
      code: 'DB_KEY_WRONG',
    });
    rmSync(join(dataDir, DB_KEY_FILE_NAME));
    await expect(openCore({ dataDir, dbKey: withPassphrase(PASS) })).rejects.toMatchObject({ code: 'DB_KEY_FILE_MISSING' });
  });

  it('a weak passphrase is refused before anything is written', async () => {
    const dataDir = tempDir();
    await expect(openCore({ dataDir, dbKey: withPassphrase('12345678') })).rejects.toMatchObject({ code: 'DB_PASSPHRASE_WEAK' });
    expect(readdirSync(dataDir).filter((n) => n !== 'tmp')).toEqual([]);
  });

  it('a damaged key file is DB_KEY_FORMAT, not a crash', async () => {
    const dataDir = tempDir();
    await (await openCore({ dataDir, dbKey: withPassphrase(PASS) })).close();
    writeFileSync(join(dataDir, DB_KEY_FILE_NAME), '{"format":"basedesk-db-key"');
    await expect(openCore({ dataDir, dbKey: withPassphrase(PASS) })).rejects.toMatchObject({ code: 'DB_KEY_FORMAT' });
  });
});

describe('a data folder that does not exist yet', () => {
  it('is created private, with the key file and an encrypted database in it', async () => {
    const dataDir = join(tempDir(), 'new', 'data');
    const core = await openCore({ dataDir, dbKey: withPassphrase(PASS) });
    await core.close();
    expect(databaseFileState(join(dataDir, DB_FILE_NAME))).toBe('encrypted');
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
  });
});

describe('the backup taken before a migration', () => {
  it('is encrypted with the database key', async () => {
    const file = join(tempDir(), DB_FILE_NAME);
    const key = new Uint8Array(32).fill(9);
    await (await openDatabase({ file, key, targetVersion: 4 })).close();
    const migrated = await openDatabase({ file, key, log: () => {} });
    await migrated.close();
    expect(migrated.backupFile).not.toBeNull();
    expect(databaseFileState(migrated.backupFile!)).toBe('encrypted');
    const backup = await openDatabase({ file: migrated.backupFile!, key, targetVersion: 4 });
    expect(backup.schemaVersion).toBe(4);
    await backup.close();
  });
});
