/** Kysely types for recruitment windows (migration 0017). */
export type RecruitmentWindowsTable = {
  year: number;
  windows_json: string;
  reason: string;
  updated_by: string;
  updated_at: string;
};

export type WindowTables = { recruitment_windows: RecruitmentWindowsTable };
