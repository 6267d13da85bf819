/**
 * The per-row work of writing a roster (and the trainee registry and admissions, which write the same way):
 * with the reader streaming, these were most of an import's time after validation (profiled with
 * `node --cpu-prof` on a 10,000-row file).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { pinyinInitials } from '../identity';

/**
 * New rows go in through one prepared single-row INSERT on the transaction's own connection, run once per
 * row: no query compiled per batch. Inserting a 10,000-row roster this way took about 0.6x the CPU time of
 * 100-row multi-VALUES statements (measured side by side in one process). The column names are the keys of
 * our own row objects (the first row's), never input.
 *
 * Rows are taken from `rows` one at a time, so a generator that builds them keeps none alive after its
 * insert: 10,000 row objects held until the end were copied by every young-generation collection.
 */
export function insertRows(raw: BetterSqlite3.Database, table: string, rows: Iterable<Record<string, unknown>>): void {
  let cols: string[] | undefined;
  let stmt: BetterSqlite3.Statement | undefined;
  let params: unknown[] = [];
  for (const row of rows) {
    if (cols === undefined || stmt === undefined) {
      cols = Object.keys(row);
      stmt = raw.prepare(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      );
      params = new Array<unknown>(cols.length);
    }
    for (let i = 0; i < cols.length; i++) params[i] = row[cols[i]!] ?? null;
    stmt.run(params);
  }
}

/** pinyinInitials remembered per name for one import: a roster repeats common names (张伟, 王芳). */
export function initialsMemo(): (name: string) => string {
  const seen = new Map<string, string>();
  return (name) => {
    let v = seen.get(name);
    if (v === undefined) {
      v = pinyinInitials(name);
      seen.set(name, v);
    }
    return v;
  };
}
