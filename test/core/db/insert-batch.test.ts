import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { insertBatch } from '../../../src/core/db/insert-batch';

type Row = { id: string; n: number | null; note?: string | null };
const COLS = ['id', 'n', 'note'] as const;

function table() {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, note TEXT)');
  return db;
}
const all = (db: Database.Database) => db.prepare('SELECT id, n, note FROM t ORDER BY id').all();

describe('insertBatch', () => {
  it('writes every row with every column, a missing value as NULL, and counts them', () => {
    const db = table();
    const rows: Row[] = Array.from({ length: 250 }, (_, i) => ({
      id: `r${String(i).padStart(3, '0')}`,
      n: i % 7 === 0 ? null : i,
      ...(i % 2 === 0 ? { note: `第${i}行` } : {}),
    }));
    expect(insertBatch<Row>(db, 't', COLS, rows)).toBe(250);
    expect(all(db)).toEqual(rows.map((r) => ({ id: r.id, n: r.n, note: r.note ?? null })));
    expect(insertBatch<Row>(db, 't', COLS, [])).toBe(0);
  });

  it('with skipExisting, leaves stored rows as they are and counts only the rows it added', () => {
    const db = table();
    insertBatch<Row>(db, 't', COLS, [{ id: 'a', n: 1, note: 'kept' }]);
    const added = insertBatch(
      db,
      't',
      COLS,
      [
        { id: 'a', n: 2, note: 'ignored' },
        { id: 'b', n: 3 },
        { id: 'b', n: 4 },
      ],
      { skipExisting: 'id' },
    );
    expect(added).toBe(1);
    expect(all(db)).toEqual([
      { id: 'a', n: 1, note: 'kept' },
      { id: 'b', n: 3, note: null },
    ]);
  });

  it('without skipExisting, a stored key is an error: inside a transaction, nothing of the batch stays', () => {
    const db = table();
    insertBatch<Row>(db, 't', COLS, [{ id: 'a', n: 1 }]);
    expect(() =>
      db.transaction(() =>
        insertBatch<Row>(db, 't', COLS, [
          { id: 'b', n: 2 },
          { id: 'a', n: 3 },
        ]),
      )(),
    ).toThrow(/UNIQUE/);
    expect(all(db)).toEqual([{ id: 'a', n: 1, note: null }]);
  });
});
