import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Older than this, a temporary file is a crash's leftover; younger, another process may still be writing it. */
export const LEFTOVER_AGE_MS = 60 * 60 * 1000;

/** Where BaseDesk writes under a temporary name, and what those names look like. */
const PLACES: ReadonlyArray<{ dir: string; match: (name: string) => boolean }> = [
  { dir: 'backups', match: (n) => n.endsWith('.part') },
  { dir: 'outbox', match: (n) => n.endsWith('.part') },
  { dir: 'attachments', match: (n) => n.endsWith('.tmp') },
  // Decrypted packages being verified, received uploads: nothing in tmp/ outlives its operation.
  { dir: 'tmp', match: () => true },
];

/**
 * Removes files a crash left half-written under a temporary name (`*.part`, `*.tmp`, tmp/). Files are
 * always renamed into place only once complete, so a temporary file is never the only copy of anything.
 * Returns the removed paths.
 */
export function removeLeftovers(dataDir: string, nowMs = Date.now()): string[] {
  const removed: string[] = [];
  for (const place of PLACES) {
    const dir = join(dataDir, place.dir);
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!place.match(name)) continue;
      const path = join(dir, name);
      try {
        if (nowMs - statSync(path).mtimeMs < LEFTOVER_AGE_MS) continue;
        rmSync(path, { recursive: true, force: true });
        removed.push(path);
      } catch {
        // Gone meanwhile (another process cleaned it): nothing to do.
      }
    }
  }
  return removed;
}
