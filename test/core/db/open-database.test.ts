import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../../src/core/db/check';
import { LATEST_SCHEMA_VERSION } from '../../../src/core/db/migrations';
import { openDatabase } from '../../../src/core/db/open';
import { openCore } from '../../../src/core/open-core';
import { tempDir } from '../../helpers/core';

describe('opening the database', () => {
  it('migrates an empty file to the latest schema with WAL and foreign keys on', async () => {
    const file = join(tempDir(), 'a.sqlite');
    const db = await openDatabase({ file });
    expect(db.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db.db)).rows.map(
      (r) => r.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['base', 'events', 'event_heads', 'meta', 'plan_rows', 'specialties', 'stations', 'users']));
    expect(db.backupFile).toBeNull(); // nothing to back up in a new file
    expect(checkDatabase(db.raw).ok).toBe(true);
    await db.close();
  });

  it('refuses a database written by a newer BaseDesk, without touching it', async () => {
    const file = join(tempDir(), 'new.sqlite');
    const db = await openDatabase({ file });
    db.raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    await db.close();
    await expect(openDatabase({ file })).rejects.toMatchObject({ code: 'DB_TOO_NEW' });
  });

  it('refuses a file that is not SQLite with a clear message', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'basedesk.sqlite'), '姓名,身份证号\n张三,1\n'.repeat(20));
    await expect(openCore({ dataDir: dir })).rejects.toMatchObject({ code: 'DB_NOT_SQLITE' });
  });

  it('refuses a corrupt SQLite file with DB_CORRUPT', async () => {
    const dir = tempDir();
    const file = join(dir, 'basedesk.sqlite');
    const db = await openDatabase({ file });
    await db.close();
    const bytes = Buffer.alloc(8192, 0xab);
    Buffer.from('SQLite format 3\u0000').copy(bytes);
    writeFileSync(file, bytes);
    await expect(openDatabase({ file })).rejects.toMatchObject({ code: 'DB_CORRUPT' });
  });

  it('backs up an existing database before migrating it, and migrates in one transaction', async () => {
    const dir = tempDir();
    const file = join(dir, 'basedesk.sqlite');
    // A database at schema version 1 that still has migrations to go: only possible once there are 2+.
    if (LATEST_SCHEMA_VERSION < 2) {
      const db = await openDatabase({ file });
      expect(db.backupFile).toBeNull();
      await db.close();
      return;
    }
    const old = await openDatabase({ file, targetVersion: 1 });
    await old.close();
    const db = await openDatabase({ file });
    expect(db.backupFile).not.toBeNull();
    expect(existsSync(db.backupFile!)).toBe(true);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    await db.close();
  });
});
