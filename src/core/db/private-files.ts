import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The data folder holds ID numbers, phones and scans: only the user who runs BaseDesk may read it.
 * Folders 0700, files 0600 (POSIX; Windows ignores these bits and relies on the profile folder's ACLs).
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * New files of this process get no group/other bits, including those libraries create on their own
 * (SQLite's -wal/-shm take the database file's mode, VACUUM INTO, tus and ZIP streams, exports).
 * Best effort: worker threads cannot change the umask, the process that opened them already did.
 */
export function restrictUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // ERR_WORKER_UNSUPPORTED_OPERATION in a worker thread.
  }
}

export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates the file empty with owner-only permissions if it does not exist (before SQLite opens it). */
export function ensurePrivateFile(file: string): void {
  if (existsSync(file)) return;
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** Folders of the data folder that only BaseDesk writes to. */
export const DATA_SUBDIRS = ['backups', 'attachments', 'outbox', 'tmp'] as const;

/**
 * Fixes what an older version (or a copy made by hand) left readable by others: the data folder, the
 * database and its -wal/-shm/-journal, and everything in BaseDesk's own subfolders. Nothing else in the
 * folder is touched: a data folder pointed at a folder holding other things must not have those changed.
 */
export function makeDataDirPrivate(dataDir: string, dbFile: string): void {
  chmodIfNeeded(dataDir, PRIVATE_DIR_MODE);
  const db = basename(dbFile);
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    if ((DATA_SUBDIRS as readonly string[]).includes(name)) makeTreePrivate(path);
    else if (name === db || name.startsWith(`${db}-`)) chmodFileIfNeeded(path);
  }
}

/** A folder and every folder and file below it. Symbolic links are left alone (their target is not ours). */
export function makeTreePrivate(root: string): void {
  let st;
  try {
    st = lstatSync(root);
  } catch {
    return; // removed meanwhile
  }
  if (st.isFile()) return chmodIfNeeded(root, PRIVATE_FILE_MODE, st.mode);
  if (!st.isDirectory()) return;
  chmodIfNeeded(root, PRIVATE_DIR_MODE, st.mode);
  for (const name of readdirSync(root)) makeTreePrivate(join(root, name));
}

function chmodFileIfNeeded(path: string): void {
  const st = lstatSync(path);
  if (st.isFile()) chmodIfNeeded(path, PRIVATE_FILE_MODE, st.mode);
}

function chmodIfNeeded(path: string, mode: number, current = lstatSync(path).mode): void {
  if ((current & 0o777) === mode) return;
  try {
    chmodSync(path, mode);
  } catch {
    // Not ours (another user's file in a shared folder): leave it; db check and the app still work.
  }
}

/** A temporary name next to `target`, in the `*.part` form start-up cleans when left behind. */
export function partNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.part`);
}

/** Writes a private file under a temporary name and renames it into place only when complete. */
export function writePrivateFileAtomic(target: string, data: string | Uint8Array): void {
  const part = partNameFor(target);
  try {
    writeFileSync(part, data, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    renameSync(part, target);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}

/** Copies a file under a temporary name, owner-only, renamed into place only when complete. */
export function copyPrivateFileAtomic(source: string, target: string): void {
  const part = partNameFor(target);
  try {
    copyFileSync(source, part);
    chmodSync(part, PRIVATE_FILE_MODE);
    renameSync(part, target);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}
