import type Database from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  checkpointIfWritten,
  IDLE_CHECKPOINT_MS,
  WAL_AUTOCHECKPOINT_PAGES,
  type CheckpointResult,
} from '../../../src/core/db/idle-checkpoint';
import { openDatabase } from '../../../src/core/db/open';
import { tempDir } from '../../helpers/core';

/** Enough rows to take the log well past SQLite's default threshold of 1,000 pages. */
function writeMegabytes(raw: Database.Database, mib: number): void {
  raw.exec('CREATE TABLE IF NOT EXISTS filler (v BLOB)');
  const insert = raw.prepare('INSERT INTO filler (v) VALUES (randomblob(4000))');
  raw.transaction(() => {
    for (let i = 0; i < mib * 256; i++) insert.run();
  })();
}

/** The log file's size: it holds the pages written since the last copy into the database file. */
const walBytes = (file: string) => statSync(`${file}-wal`).size;

describe('copying the write-ahead log back into the database file', () => {
  it('is not done inside a large commit: that commit returns once its log is written', async () => {
    const file = join(tempDir(), 'a.sqlite');
    const db = await openDatabase({ file });
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(WAL_AUTOCHECKPOINT_PAGES);
    const before = statSync(file).size;
    writeMegabytes(db.raw, 8);
    // With the default threshold the commit itself would have copied the 8 MiB into the file.
    expect(statSync(file).size - before).toBeLessThan(1024 * 1024);
    expect(walBytes(file)).toBeGreaterThan(8 * 1024 * 1024);
    await db.close();
  });

  it('is done at the first look after a write, and not again until the next write', async () => {
    const file = join(tempDir(), 'b.sqlite');
    const db = await openDatabase({ file });
    const seen = { changes: 0 };
    writeMegabytes(db.raw, 8);
    const copied = checkpointIfWritten(db.raw, seen);
    expect(copied).toEqual({ busy: 0, log: expect.any(Number), checkpointed: expect.any(Number) });
    expect(copied!.log).toBeGreaterThan(2000);
    expect(copied!.checkpointed).toBe(copied!.log);
    expect(statSync(file).size).toBeGreaterThan(8 * 1024 * 1024);
    expect(checkpointIfWritten(db.raw, seen)).toBeNull();
    db.raw.prepare("INSERT INTO filler (v) VALUES (x'01')").run();
    expect(checkpointIfWritten(db.raw, seen)).not.toBeNull();
    await db.close();
  });

  it('is looked for on a timer while the database is open, and no longer once it is closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const file = join(tempDir(), 'timer.sqlite');
      const db = await openDatabase({ file });
      writeMegabytes(db.raw, 8);
      const before = statSync(file).size;
      vi.advanceTimersByTime(IDLE_CHECKPOINT_MS);
      expect(statSync(file).size - before).toBeGreaterThan(8 * 1024 * 1024);
      await db.close();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tries again at the next look when a copy fails (another process busy), without a new write', () => {
    let busy = true;
    const copied: CheckpointResult = { busy: 0, log: 12, checkpointed: 12 };
    const raw = {
      open: true,
      inTransaction: false,
      prepare: () => ({ pluck: () => ({ get: () => 7 }) }),
      pragma: () => {
        if (busy) throw new Error('SQLITE_BUSY: database is locked');
        return [copied];
      },
    } as unknown as Database.Database;
    const seen = { changes: 0 };
    expect(() => checkpointIfWritten(raw, seen)).toThrow('SQLITE_BUSY');
    busy = false;
    expect(checkpointIfWritten(raw, seen)).toEqual(copied);
    expect(checkpointIfWritten(raw, seen)).toBeNull();
  });

  it('waits while a transaction is open, and copies its rows once it has committed', async () => {
    const file = join(tempDir(), 'c.sqlite');
    const db = await openDatabase({ file });
    const seen = { changes: 0 };
    db.raw.exec('CREATE TABLE t (v)');
    db.raw.exec('BEGIN IMMEDIATE');
    db.raw.prepare('INSERT INTO t (v) VALUES (1)').run();
    expect(checkpointIfWritten(db.raw, seen)).toBeNull();
    db.raw.exec('COMMIT');
    expect(checkpointIfWritten(db.raw, seen)).toMatchObject({ busy: 0 });
    await db.close();
  });

  it('leaves nothing behind when the connection closes: the file alone holds every row', async () => {
    const file = join(tempDir(), 'd.sqlite');
    const db = await openDatabase({ file });
    writeMegabytes(db.raw, 4);
    await db.close();
    const again = await openDatabase({ file });
    expect(again.raw.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(4 * 256);
    await again.close();
  });
});
