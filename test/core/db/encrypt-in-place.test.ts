import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFileState } from '../../../src/core/db/cipher';
import { encryptDataFolder } from '../../../src/core/db/encrypt-in-place';
import { backupDatabase } from '../../../src/core/db/open';
import { DB_FILE_NAME, openCore } from '../../../src/core/open-core';
import { createRng, makeIdNumber, makePhone } from '../../../src/core/testdata';
import { tempDir, TEST_DB_KEY, TEST_SCRYPT_COST } from '../../helpers/core';

/** A plain (pre-encryption) folder with a backup, and rows whose ID numbers and phones we can look for. */
async function plainFolder(): Promise<{ dataDir: string; secrets: string[]; core: Awaited<ReturnType<typeof openCore>> }> {
  const dataDir = tempDir();
  const core = await openCore({ dataDir, scryptCost: TEST_SCRYPT_COST });
  expect(core.encrypted).toBe(false);
  core.raw.exec('CREATE TABLE people (id_number TEXT, phone TEXT)');
  const rng = createRng(7);
  const secrets: string[] = [];
  const insert = core.raw.prepare('INSERT INTO people VALUES (?, ?)');
  for (let i = 0; i < 20; i++) {
    const row = [makeIdNumber(rng), makePhone(rng)];
    insert.run(...row);
    secrets.push(...row);
  }
  backupDatabase(core.raw, core.dbFile, 'manual');
  return { dataDir, secrets, core };
}

function clearTextIn(dataDir: string, secrets: string[]): string[] {
  const files: string[] = [];
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (secrets.some((s) => readFileSync(p).includes(Buffer.from(s)))) files.push(p.slice(dataDir.length + 1));
    }
  };
  visit(dataDir);
  return files.sort();
}

describe('encrypting an existing plain data folder', () => {
  it('converts the database and its backups in place: same rows, nothing left in clear', async () => {
    const { dataDir, secrets, core } = await plainFolder();
    await core.close();
    expect(clearTextIn(dataDir, secrets)).toEqual([expect.stringMatching(/^backups\/basedesk-manual-/), DB_FILE_NAME]);

    const result = await encryptDataFolder(dataDir, join(dataDir, DB_FILE_NAME), { key: TEST_DB_KEY });
    expect(result.backups).toHaveLength(1);
    expect(databaseFileState(join(dataDir, DB_FILE_NAME))).toBe('encrypted');
    expect(clearTextIn(dataDir, secrets)).toEqual([]);
    expect(readdirSync(join(dataDir, 'tmp'))).toEqual([]);

    const reopened = await openCore({ dataDir, dbKey: { key: TEST_DB_KEY } });
    expect(reopened.encrypted).toBe(true);
    expect(reopened.raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 20 });
    await reopened.close();
    const backup = new Database(result.backups[0]!);
    backup.pragma("cipher = 'sqlcipher'");
    backup.pragma('legacy = 4');
    backup.pragma(`key = "x'${Buffer.from(TEST_DB_KEY).toString('hex')}'"`);
    expect(backup.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 20 });
    backup.close();
  });

  it('keeps what a crash left in the WAL', async () => {
    const { core } = await plainFolder();
    core.raw.prepare("INSERT INTO people VALUES ('only-in-wal', '')").run();
    // The files as a kill -9 would leave them: the last write is in the -wal, not yet in the database.
    const crashed = tempDir();
    copyFileSync(core.dbFile, join(crashed, DB_FILE_NAME));
    copyFileSync(`${core.dbFile}-wal`, join(crashed, `${DB_FILE_NAME}-wal`));
    await core.close();

    await encryptDataFolder(crashed, join(crashed, DB_FILE_NAME), { key: TEST_DB_KEY });
    expect(existsSync(join(crashed, `${DB_FILE_NAME}-wal`))).toBe(false);
    const reopened = await openCore({ dataDir: crashed, dbKey: { key: TEST_DB_KEY } });
    expect(reopened.raw.prepare("SELECT count(*) AS n FROM people WHERE id_number = 'only-in-wal'").get()).toEqual({ n: 1 });
    await reopened.close();
  });

  it('refuses while another process has the database open, and changes nothing', async () => {
    const { dataDir, core } = await plainFolder();
    const before = readFileSync(core.dbFile);
    await expect(encryptDataFolder(dataDir, core.dbFile, { key: TEST_DB_KEY })).rejects.toMatchObject({ code: 'DB_IN_USE' });
    expect(databaseFileState(core.dbFile)).toBe('plain');
    expect(readFileSync(core.dbFile).equals(before)).toBe(true);
    expect(core.raw.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 20 });
    await core.close();
  });

  it('says so for a folder that is already encrypted or has no database yet', async () => {
    const dataDir = tempDir();
    await (await openCore({ dataDir, dbKey: { key: TEST_DB_KEY } })).close();
    await expect(encryptDataFolder(dataDir, join(dataDir, DB_FILE_NAME), { key: TEST_DB_KEY })).rejects.toMatchObject({
      code: 'DB_ALREADY_ENCRYPTED',
    });
    const empty = tempDir();
    await expect(encryptDataFolder(empty, join(empty, DB_FILE_NAME), { key: TEST_DB_KEY })).rejects.toMatchObject({
      code: 'DB_NOT_FOUND',
    });
  });
});
