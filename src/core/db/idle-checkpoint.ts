/**
 * When the write-ahead log is copied back into the database file. SQLite does it inside whichever commit
 * takes the log past `wal_autocheckpoint` pages (1,000 by default): a 10,000-row roster or a 5,000-row score
 * file writes 5-10 MiB of log, so that import's commit also copied the whole log into the file and synced
 * it, and the person waiting for the import waited for that too. Here the copy is made once the connection
 * has written and is no longer inside a transaction, on a timer that does not keep the process alive; the
 * raised threshold is only the ceiling for a long run of writes with no pause. Closing the last connection
 * copies whatever is left, so a short-lived command (the CLI) ends with the same file as before.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

/** The ceiling: 16,384 pages of 4 KiB (64 MiB of log) before a commit copies the log itself. */
export const WAL_AUTOCHECKPOINT_PAGES = 16_384;

/** How often the connection looks for writes to copy back, in ms. */
export const IDLE_CHECKPOINT_MS = 1_000;

export type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * One look: when the connection has changed rows since the last look and is not inside a transaction, a
 * PASSIVE checkpoint (it never waits for another process's readers or writers). Null when there was nothing
 * to do or a transaction is open (it is looked at again next time).
 */
export function checkpointIfWritten(raw: Database.Database, seen: { changes: number }): CheckpointResult | null {
  if (!raw.open || raw.inTransaction) return null;
  const changes = raw.prepare('SELECT total_changes()').pluck().get() as number;
  if (changes === seen.changes) return null;
  const [result] = raw.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  // Noted only once copied: a look that failed (SQLITE_BUSY) is tried again at the next one.
  seen.changes = changes;
  return result ?? null;
}

/** Starts looking every `everyMs`; the returned function stops it (before the connection closes). */
export function startIdleCheckpoint(raw: Database.Database, everyMs = IDLE_CHECKPOINT_MS): () => void {
  const seen = { changes: 0 };
  const timer = setInterval(() => {
    try {
      checkpointIfWritten(raw, seen);
    } catch {
      // SQLITE_BUSY or a closing connection: the next look, the threshold or the close copies the log
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
