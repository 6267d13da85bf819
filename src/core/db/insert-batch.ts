/**
 * Writing thousands of rows at once (a bundle's events and score facts, a score file's audit events) through
 * one prepared INSERT on the transaction's own connection (better-sqlite3 runs every statement on the one
 * connection Kysely's transaction holds, so these rows commit or roll back with it). Through the query
 * builder, compiling 5,000 rows of 14 columns cost more CPU than parsing the bundle itself (profiled with
 * `--cpu-prof`). One row per run, not many rows per statement: 10,000 audit events built in memory took a third
 * less CPU one row at a time than 100 rows per statement (10 per statement took the most), and a bundle's
 * 5,000 parsed events took the same either way (measured side by side).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/**
 * Inserts `rows` (each with every column of `cols`; a missing value is NULL) and returns how many rows were
 * added. With `skipExisting` (a key column), a row whose key is already stored is left as it is and not
 * counted (projecting a fact that is already there is a no-op). Table and column names are our own constants.
 */
export function insertBatch<R extends object>(
  raw: BetterSqlite3.Database,
  table: string,
  cols: ReadonlyArray<keyof R & string>,
  rows: readonly R[],
  opts: { skipExisting?: keyof R & string } = {},
): number {
  if (rows.length === 0) return 0;
  const names = cols.map((c) => `"${c}"`).join(', ');
  const tail = opts.skipExisting === undefined ? '' : ` ON CONFLICT ("${opts.skipExisting}") DO NOTHING`;
  const stmt = raw.prepare(`INSERT INTO "${table}" (${names}) VALUES (${cols.map(() => '?').join(', ')})${tail}`);
  // One parameter array, refilled for each row: better-sqlite3 binds it and keeps no reference to it.
  const params = new Array<unknown>(cols.length);
  let added = 0;
  for (const r of rows) {
    for (let k = 0; k < cols.length; k++) params[k] = (r as Record<string, unknown>)[cols[k]!] ?? null;
    added += stmt.run(params).changes;
  }
  return added;
}
