import { hostname } from 'node:os';
import { join } from 'node:path';
import { Hlc, decodeHlc } from './audit/hlc';
import { DEFAULT_SCRYPT_N } from './auth/password';
import { SessionStore } from './auth/sessions';
import type { Core } from './context';
import { openDatabase } from './db/open';
import { systemClock, type Clock } from './util/clock';
import { uuidv7 } from './util/uuid7';

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
};

export const DB_FILE_NAME = 'basedesk.sqlite';

export async function openCore(options: OpenCoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const dbFile = join(options.dataDir, DB_FILE_NAME);
  const opened = await openDatabase({
    file: dbFile,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const { db } = opened;

  let station = await db.selectFrom('stations').select('id').where('is_self', '=', 1).executeTakeFirst();
  if (!station) {
    station = { id: uuidv7(clock.nowMs()) };
    await db
      .insertInto('stations')
      .values({
        id: station.id,
        name: hostname(),
        created_at: new Date(clock.nowMs()).toISOString(),
        is_self: 1,
        public_key: null,
      })
      .execute();
  }
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
    scryptCost: options.scryptCost ?? DEFAULT_SCRYPT_N,
    close: () => opened.close(),
  };
}
