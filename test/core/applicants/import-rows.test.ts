import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { initialsMemo, insertRows } from '../../../src/core/applicants/import-rows';
import { uuidv7Batch } from '../../../src/core/util/uuid7';
import { pinyinInitials } from '../../../src/core/identity';

describe('import rows, batched', () => {
  it('uuidv7Batch gives distinct version-7 ids carrying the given millisecond', () => {
    const ms = Date.UTC(2024, 5, 1, 8, 30);
    const ids = uuidv7Batch(1000, ms);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
    }
    expect(uuidv7Batch(0, ms)).toEqual([]);
  });

  it('insertRows writes every row, across full and partial statements, with absent values as NULL', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT)');
    const rows = Array.from({ length: 250 }, (_, i) => ({
      id: i + 1,
      name: `第${i + 1}人`,
      note: i % 2 === 0 ? undefined : '备注',
    }));
    insertRows(db, 't', rows);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 250 });
    expect(db.prepare('SELECT * FROM t WHERE id IN (1, 250) ORDER BY id').all()).toEqual([
      { id: 1, name: '第1人', note: null },
      { id: 250, name: '第250人', note: '备注' },
    ]);
    insertRows(db, 't', []);
    db.close();
  });

  it('insertRows takes rows from a generator one statement at a time, and writes them all', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
    const countNow = () => (db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n;
    const storedWhenMade: number[] = [];
    function* rows() {
      for (let i = 1; i <= 250; i++) {
        if (i % 100 === 1) storedWhenMade.push(countNow());
        yield { id: i, name: `第${i}人` };
      }
    }
    insertRows(db, 't', rows());
    // Rows 1, 101 and 201 are made after 0, 100 and 200 rows are already stored: never more than one batch held.
    expect(storedWhenMade).toEqual([0, 100, 200]);
    expect(countNow()).toBe(250);
    expect(db.prepare('SELECT name FROM t WHERE id = 250').get()).toEqual({ name: '第250人' });
    db.close();
  });

  it('initialsMemo answers as pinyinInitials does', () => {
    const initials = initialsMemo();
    for (const name of ['曾小明', '张伟', '张伟', '单田芳']) expect(initials(name)).toBe(pinyinInitials(name));
  });
});
