import type Database from 'better-sqlite3-multiple-ciphers';
import {
  CompiledQuery,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDialectConfig,
} from 'kysely';

/** How long a write transaction waits for another connection's write to finish before BUSY surfaces. */
export const WRITE_LOCK_WAIT_MS = 60_000;
/** Each try blocks the thread (better-sqlite3 is synchronous) for at most this; between tries the event loop runs. */
const TRY_BUSY_TIMEOUT_MS = 25;

/**
 * Kysely's SQLite dialect with every transaction started `BEGIN IMMEDIATE`.
 *
 * A plain (deferred) BEGIN takes the write lock only at the first write. Our transactions read first (the
 * audit chain head, the row they change), so when another connection wrote meanwhile SQLite cannot upgrade
 * the read snapshot and answers SQLITE_BUSY at once, without consulting the busy timeout. IMMEDIATE takes
 * the write lock at BEGIN, where waiting is safe; we wait asynchronously (short blocking tries with pauses
 * between) so this process keeps serving requests, and a long import elsewhere delays writers instead of
 * failing them.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #raw: Database.Database;
  readonly #config: SqliteDialectConfig;

  constructor(raw: Database.Database, config: Omit<SqliteDialectConfig, 'database'> = {}) {
    super({ ...config, database: raw });
    this.#raw = raw;
    this.#config = { ...config, database: raw };
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#raw);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #raw: Database.Database;

  constructor(config: SqliteDialectConfig, raw: Database.Database) {
    super(config);
    this.#raw = raw;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await beginImmediate(this.#raw, () => connection.executeQuery(CompiledQuery.raw('begin immediate')));
  }
}

async function beginImmediate(raw: Database.Database, begin: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + WRITE_LOCK_WAIT_MS;
  const normalTimeout = raw.pragma('busy_timeout', { simple: true }) as number;
  let pause = 5;
  for (;;) {
    raw.pragma(`busy_timeout = ${TRY_BUSY_TIMEOUT_MS}`);
    try {
      await begin();
      return;
    } catch (e) {
      if (!isBusy(e) || Date.now() >= deadline) throw e;
    } finally {
      raw.pragma(`busy_timeout = ${normalTimeout}`);
    }
    await new Promise((r) => setTimeout(r, pause));
    pause = Math.min(pause * 2, 100);
  }
}

function isBusy(e: unknown): boolean {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
