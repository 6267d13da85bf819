import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../shared/permissions';
import type { Hlc } from './audit/hlc';
import type { SessionStore } from './auth/sessions';
import type { DB } from './db/schema';
import type { Clock } from './util/clock';

/** Everything a service needs, built once per process by `openCore` and shared by IPC, HTTP and CLI. */
export type Core = {
  db: Kysely<DB>;
  raw: Database.Database;
  dataDir: string;
  dbFile: string;
  stationId: string;
  clock: Clock;
  hlc: Hlc;
  sessions: SessionStore;
  schemaVersion: number;
  appVersion: string;
  backupFile: string | null;
  /** Whether the database is encrypted at rest (false: a plain folder from an older version, not yet converted). */
  encrypted: boolean;
  /** scrypt N used for every new password hash (and the matching dummy check for unknown users). */
  scryptCost: number;
  close(): Promise<void>;
};

export type Actor = { userId: string; username: string; displayName: string; role: Role };

/** One API call: the core, who is calling (null before login) and the transport's session key. */
export type CallContext = { core: Core; actor: Actor | null; sessionKey: string };

export type Tx = Transaction<DB> | Kysely<DB>;
