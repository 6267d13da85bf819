import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely, Transaction } from 'kysely';
import type { Role } from '../shared/permissions';
import type { AdmissionDeps } from './admission/deps';
import type { Hlc } from './audit/hlc';
import type { SessionStore } from './auth/sessions';
import type { DB } from './db/schema';
import type { BuildProgressEntries } from './outbox/build-progress';
import type { KeyProtector } from './outbox/key-protector';
import type { OutboxLive } from './outbox/outbox';
import type { RankingMemo } from './scores/ranking-memo';
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
  /** What admission reads from other features; unset means the real loaders (tests and benchmarks inject results). */
  admissionDeps?: AdmissionDeps;
  /** Seals the signing key: the OS keychain in Electron, a passphrase in the CLI; null asks per call (`serve`). */
  keyProtector: KeyProtector | null;
  /** The push running now and each upload's bytes; in memory only (the resume store persists). */
  outboxLive: OutboxLive;
  /** Package builds a screen is polling, by progress id; in memory only. */
  buildProgress: BuildProgressEntries;
  /** The rankings last computed, reused while the database is unchanged; in memory only. */
  rankingMemo: RankingMemo;
  close(): Promise<void>;
};

export type Actor = { userId: string; username: string; displayName: string; role: Role };

/** One API call: the core, who is calling (null before login) and the transport's session key. */
export type CallContext = { core: Core; actor: Actor | null; sessionKey: string };

/** Reads take either the database or an open transaction. */
export type Tx = Transaction<DB> | Kysely<DB>;

/** Writes that append to the audit chain take a transaction, so the change and its event commit together. */
export type WriteTx = Transaction<DB>;
