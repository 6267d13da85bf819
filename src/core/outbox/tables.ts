/** Kysely types for signed packages and the outbox (migration 0005). */
import type { Generated } from 'kysely';

export type SigningKeyTable = {
  key_id: string;
  fingerprint: string;
  public_key: string;
  status: 'active' | 'retired';
  created_at: string;
  created_by: string;
  retired_at: string | null;
};

export type SigningKeySealTable = { key_id: string; scheme: string; sealed: string; created_at: string };

export type TrustedKeyTable = {
  key_id: string;
  fingerprint: string;
  public_key: string;
  label: string;
  added_at: string;
  added_by: string;
};

export type OutboxSettingTable = { key: string; value: string; updated_at: string };

export type PackageSequenceTable = { base_code: string; last_sequence: number };
/** The counter in use: per base and kind (package_sequences, per base only, is no longer written). */
export type PackageKindSequenceTable = { base_code: string; kind: string; last_sequence: number };

export type OutboxState = 'queued' | 'uploading' | 'delivered' | 'failed' | 'rejected';

export type OutboxTable = {
  uuid: string;
  kind: string;
  base_code: string;
  cohort_year: number;
  schema_version: number;
  sequence: number;
  bagging_date: string;
  /** Relative to <dataDir>/outbox. */
  file_name: string;
  encrypted: number;
  recipient: string | null;
  sha512: string;
  bag_sha512: string;
  bytes: number;
  payload_files: number;
  payload_bytes: number;
  record_counts_json: string;
  key_fingerprint: string;
  state: OutboxState;
  attempts: number;
  last_error_code: string | null;
  last_error_message: string | null;
  receipt_json: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  delivered_at: string | null;
};

export type OutboxHistoryTable = {
  id: Generated<number>;
  uuid: string;
  from_state: OutboxState | null;
  to_state: OutboxState;
  at: string;
  actor: string;
  reason: string | null;
  error_code: string | null;
};

export type OutboxResumeTable = { key: string; value: string; updated_at: string };

export type AcceptedPackageTable = {
  uuid: string;
  sha512: string;
  bag_sha512: string;
  base_code: string;
  kind: string;
  sequence: number;
  key_fingerprint: string;
  file_name: string;
  accepted_at: string;
  accepted_by: string;
};

export type OutboxTables = {
  signing_keys: SigningKeyTable;
  signing_key_seals: SigningKeySealTable;
  trusted_keys: TrustedKeyTable;
  outbox_settings: OutboxSettingTable;
  package_sequences: PackageSequenceTable;
  package_kind_sequences: PackageKindSequenceTable;
  outbox: OutboxTable;
  outbox_history: OutboxHistoryTable;
  outbox_resume: OutboxResumeTable;
  accepted_packages: AcceptedPackageTable;
};
