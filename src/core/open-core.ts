import { hostname } from 'node:os';
import { join } from 'node:path';
import { Hlc, decodeHlc } from './audit/hlc';
import { DEFAULT_SCRYPT_N } from './auth/password';
import { SessionStore } from './auth/sessions';
import { DB_FILE_NAME } from './db/file-names';
import { resolveDbKey, type DbKeySource } from './db/key-source';
import { openDatabase } from './db/open';
import { createRankingMemo } from './scores/ranking-memo';
import type { Core, Tx } from './context';
import { systemClock, type Clock } from './util/clock';
import { uuidv7 } from './util/uuid7';

export { loadNativeDriver } from './db/open';

export type OpenCoreOptions = {
  dataDir: string;
  nativeBinding?: string;
  clock?: Clock;
  /** Minutes of inactivity before a session locks; 0 disables (CLI). */
  idleMinutes?: number;
  appVersion?: string;
  log?: (line: string) => void;
  /** scrypt N for new password hashes; defaults to DEFAULT_SCRYPT_N. Tests lower it to keep setup fast. */
  scryptCost?: number;
  /**
   * Where the database key comes from (see DbKeySource). The app, the CLI and `serve` always pass one, so a
   * new data folder is encrypted from its first open; without one only a plain database opens.
   */
  dbKey?: DbKeySource;
};

export { DB_FILE_NAME };

export async function openCore(options: OpenCoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const dbFile = join(options.dataDir, DB_FILE_NAME);
  const key = await resolveDbKey(options.dataDir, dbFile, options.dbKey);
  const opened = await openDatabase({
    file: dbFile,
    key,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const { db } = opened;

  // Looked up first without the write lock: opening must not wait behind another process's long import.
  const station =
    (await db.selectFrom('stations').select('id').where('is_self', '=', 1).executeTakeFirst()) ??
    (await db.transaction().execute((tx) => selfStation(tx, clock)));
  const saved = await db.selectFrom('meta').select('value').where('key', '=', 'hlc').executeTakeFirst();
  const hlc = new Hlc(station.id, clock, saved ? decodeHlc(saved.value) : undefined);

  return {
    db,
    raw: opened.raw,
    dataDir: options.dataDir,
    dbFile,
    stationId: station.id,
    clock,
    hlc,
    sessions: new SessionStore(clock, (options.idleMinutes ?? 15) * 60 * 1000),
    schemaVersion: opened.schemaVersion,
    appVersion: options.appVersion ?? '0.1.0',
    backupFile: opened.backupFile,
    encrypted: opened.encrypted,
    scryptCost: options.scryptCost ?? DEFAULT_SCRYPT_N,
    keyProtector: null,
    outboxLive: { pushing: null, progress: new Map() },
    buildProgress: new Map(),
    rankingMemo: createRankingMemo(opened.raw),
    close: () => opened.close(),
  };
}

/**
 * This installation's own station, created on first open. Looked up again inside the write transaction
 * (BEGIN IMMEDIATE): when several processes open a new folder at once, the first creates it and the others
 * find it.
 */
async function selfStation(tx: Tx, clock: Clock): Promise<{ id: string }> {
  const found = await tx.selectFrom('stations').select('id').where('is_self', '=', 1).executeTakeFirst();
  if (found) return found;
  const station = { id: uuidv7(clock.nowMs()) };
  await tx
    .insertInto('stations')
    .values({ id: station.id, name: hostname(), created_at: new Date(clock.nowMs()).toISOString(), is_self: 1, public_key: null })
    .execute();
  return station;
}
