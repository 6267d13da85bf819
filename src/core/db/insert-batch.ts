/**
 * Writing a bundle's thousands of events and score facts through prepared multi-row INSERTs on the
 * transaction's own connection (better-sqlite3 runs every statement on the one connection Kysely's
 * transaction holds, so these rows commit or roll back with it). Through the query builder, compiling
 * 5,000 rows of 14 columns cost more CPU than parsing the bundle itself (profiled with `--cpu-prof`).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/** Rows per statement: 100 rows of at most 14 columns stays far below SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 100;

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
  const statements = new Map<number, BetterSqlite3.Statement>();
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  const head = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const tail = opts.skipExisting === undefined ? '' : ` ON CONFLICT ("${opts.skipExisting}") DO NOTHING`;
  const statementFor = (n: number) => {
    let stmt = statements.get(n);
    if (stmt === undefined) {
      stmt = raw.prepare(head + Array.from({ length: n }, () => tuple).join(', ') + tail);
      statements.set(n, stmt);
    }
    return stmt;
  };
  let added = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params = new Array<unknown>(chunk.length * cols.length);
    let k = 0;
    for (const r of chunk) for (const c of cols) params[k++] = (r as Record<string, unknown>)[c] ?? null;
    added += statementFor(chunk.length).run(params).changes;
  }
  return added;
}
