/**
 * The per-row work of writing a roster, batched: with the reader streaming, these were most of an import's
 * time after validation (profiled with `node --cpu-prof` on a 10,000-row file).
 */
import { randomBytes } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { pinyinInitials } from '../identity';

/** Rows per INSERT statement: 100 rows of ~35 columns stays far below SQLite's 32,766 parameters. */
const ROWS_PER_STATEMENT = 100;

/**
 * New rows go in through prepared multi-row INSERTs on the transaction's own connection: one statement
 * call per 100 rows instead of one per row (each call crosses into native code and binds its own array).
 * The query builder's statements cost as much CPU and garbage as parsing the workbook. The column names
 * are the keys of our own row objects (the first row's), never input.
 *
 * Rows are taken from `rows` 100 at a time, so a generator that builds them keeps only one statement's
 * worth alive: 10,000 row objects held until the end were copied by every young-generation collection and
 * cost an import more than the inserts themselves.
 */
export function insertRows(raw: BetterSqlite3.Database, table: string, rows: Iterable<Record<string, unknown>>): void {
  let insert: ((chunk: readonly Record<string, unknown>[]) => void) | undefined;
  let chunk: Record<string, unknown>[] = [];
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length < ROWS_PER_STATEMENT) continue;
    insert ??= chunkInserter(raw, table, Object.keys(row));
    insert(chunk);
    chunk = [];
  }
  if (chunk.length > 0) (insert ?? chunkInserter(raw, table, Object.keys(chunk[0]!)))(chunk);
}

/** Writes up to ROWS_PER_STATEMENT rows per call, one prepared statement per chunk size (two at most). */
function chunkInserter(raw: BetterSqlite3.Database, table: string, cols: readonly string[]) {
  const names = cols.map((c) => `"${c}"`).join(', ');
  const tuple = `(${cols.map(() => '?').join(', ')})`;
  const statements = new Map<number, BetterSqlite3.Statement>();
  const statementFor = (n: number) => {
    let stmt = statements.get(n);
    if (!stmt) {
      stmt = raw.prepare(`INSERT INTO "${table}" (${names}) VALUES ${Array.from({ length: n }, () => tuple).join(', ')}`);
      statements.set(n, stmt);
    }
    return stmt;
  };
  return (chunk: readonly Record<string, unknown>[]) => {
    const params: unknown[] = new Array<unknown>(chunk.length * cols.length);
    let k = 0;
    for (const r of chunk) for (const c of cols) params[k++] = r[c] ?? null;
    statementFor(chunk.length).run(params);
  };
}

/**
 * `count` RFC 9562 version 7 UUIDs for one instant, from one call for random bytes instead of one per id
 * (the layout is util/uuid7's: 48-bit milliseconds, version 7, variant 10, random rest).
 */
export function uuidv7Batch(count: number, nowMs: number): string[] {
  const random = randomBytes(16 * count);
  const ms = BigInt(nowMs);
  const time = Buffer.alloc(6);
  for (let i = 0; i < 6; i++) time[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  const ids = new Array<string>(count);
  for (let n = 0; n < count; n++) {
    const b = random.subarray(16 * n, 16 * n + 16);
    time.copy(b, 0);
    b[6] = (b[6]! & 0x0f) | 0x70;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    ids[n] = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return ids;
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
