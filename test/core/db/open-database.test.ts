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
    const tables = (
      await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db.db)
    ).rows.map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['base', 'events', 'event_heads', 'meta', 'plan_rows', 'specialties', 'stations', 'users']),
    );
    expect(db.backupFile).toBeNull(); // nothing to back up in a new file
    expect(checkDatabase(db.raw).ok).toBe(true);
    await db.close();
  });

  it('gives each connection a page cache that holds a cohort, so its pages are not decrypted again on every read', async () => {
    const db = await openDatabase({ file: join(tempDir(), 'cache.sqlite') });
    // Negative: a size in KiB, not in pages; 64 MiB whatever the page size.
    expect(db.raw.pragma('cache_size', { simple: true })).toBe(-64 * 1024);
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
    const old = await openDatabase({ file, targetVersion: 1 });
    old.raw.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'kept')").run();
    await old.close();
    const db = await openDatabase({ file });
    expect(db.backupFile).not.toBeNull();
    expect(existsSync(db.backupFile!)).toBe(true);
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
    expect(db.raw.prepare("SELECT value FROM meta WHERE key = 'marker'").get()).toEqual({ value: 'kept' });
    await db.close();
    const backup = await openDatabase({ file: db.backupFile!, targetVersion: 1 });
    expect(backup.schemaVersion).toBe(1);
    await backup.close();
  });

  it('rolls back every migration of a failed upgrade, leaving the old schema usable', async () => {
    const file = join(tempDir(), 'basedesk.sqlite');
    const old = await openDatabase({ file, targetVersion: 1 });
    // A table in the way makes migration 0002 fail half-way through the upgrade.
    old.raw.exec('CREATE TABLE applicants (x INTEGER)');
    await old.close();
    await expect(openDatabase({ file })).rejects.toThrow();
    const again = await openDatabase({ file, targetVersion: 1 });
    expect(again.schemaVersion).toBe(1);
    expect(again.raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'applicants_cohort_id'").get()).toEqual({
      n: 0,
    });
    await again.close();
  });
  it('logs slow queries only when asked to, so a test run or a user terminal stays quiet', async () => {
    const quiet: string[] = [];
    const plain = await openDatabase({ file: join(tempDir(), 'q.sqlite'), log: (l) => quiet.push(l) });
    // Slow on purpose (a few hundred ms): it would have crossed the old always-on 40 ms threshold.
    await sql`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) FROM c`.execute(
      plain.db,
    );
    await plain.close();
    expect(quiet).toEqual([]);

    const logged: string[] = [];
    const tuned = await openDatabase({ file: join(tempDir(), 't.sqlite'), slowQueryMs: 1e-9, log: (l) => logged.push(l) });
    await sql`SELECT count(*) FROM sqlite_master`.execute(tuned.db);
    await tuned.close();
    expect(logged.some((l) => l.startsWith('[slow-query]') && l.includes('sqlite_master'))).toBe(true);
  });
});
