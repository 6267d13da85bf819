/**
 * Kysely types for retention (migration 0013). The two columns the migration adds to other features' tables
 * are declared here and intersected into `DB` with this feature, so the migration and its types stay together.
 */
export type RetentionSettingsTable = {
  id: number;
  /** Months after a year's admission is final before non-admitted applicants' personal data is due. */
  applicant_months: number;
  /** Days after a package is delivered (signed receipt verified) before its file is due. */
  package_days: number;
  /** 1 while the values are the shipped examples (no source gives the periods). */
  example: number;
  updated_at: string | null;
  updated_by: string | null;
};

export type RetentionTables = {
  retention_settings: RetentionSettingsTable;
  /** Set when the applicant's personal data was purged; the row stays as a tombstone. */
  applicants: { purged_at: string | null };
  /** Set when a delivered package's file was deleted; the record (uuid, sha512, receipt) stays. */
  outbox: { file_purged_at: string | null };
};
