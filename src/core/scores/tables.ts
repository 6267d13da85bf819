/** Kysely types for examinations and interview scoring (migration 0003). */
export type ExamComponentTable = {
  cohort_year: number;
  key: string;
  name: string;
  max: number;
  weight: number;
  position: number;
  updated_at: string;
};

export type ComponentScoreTable = {
  applicant_id: string;
  component: string;
  cohort_year: number;
  /** hundredths; null when absent */
  value: number | null;
  absent: number;
  source: 'import' | 'panel' | 'manual';
  event_id: string;
  updated_at: string;
};

export type InterviewSessionTable = {
  id: string;
  cohort_year: number;
  name: string;
  date: string;
  site: string;
  /** JSON [{key, name, max}] */
  items_json: string;
  aggregation: 'mean' | 'trimmed-mean';
  seed: number;
  component: string;
  origin: 'local' | 'station';
  created_by: string;
  created_at: string;
};

export type InterviewPanelTable = { session_id: string; username: string; is_head: number };

export type InterviewCandidateTable = {
  id: string;
  session_id: string;
  applicant_id: string | null;
  draw_no: number;
  display_name: string;
};

export type InterviewMarkTable = {
  id: string;
  station_id: string;
  event_id: string;
  session_id: string;
  candidate_id: string;
  interviewer: string;
  item_key: string;
  value: number | null;
  unable: number;
  supersedes_json: string;
  reason: string | null;
  actor: string;
  hlc: string;
};

export type InterviewAbsenceTable = {
  id: string;
  station_id: string;
  event_id: string;
  session_id: string;
  candidate_id: string;
  actor: string;
  hlc: string;
};

export type InterviewSignoffTable = {
  id: string;
  session_id: string;
  candidate_id: string;
  version: number;
  kind: 'signoff' | 'reopen';
  score: number | null;
  absent: number;
  result_json: string;
  reason: string | null;
  actor: string;
  event_id: string;
  created_at: string;
};

export type StationKeyTable = { key_id: string; public_key: string; session_id: string; username: string; created_at: string };
export type StationAssignmentTable = { session_id: string; interviewer: string; key_json: string; created_at: string };
export type StationImportTable = {
  sha256: string;
  station_id: string;
  head_seq: number;
  events_added: number;
  imported_at: string;
};

export type RankingOverrideTable = {
  cohort_year: number;
  group_key: string;
  applicant_id: string;
  manual_order: number;
  reason: string;
  actor: string;
  updated_at: string;
};

export type ScoreTables = {
  exam_components: ExamComponentTable;
  component_scores: ComponentScoreTable;
  interview_sessions: InterviewSessionTable;
  interview_panel: InterviewPanelTable;
  interview_candidates: InterviewCandidateTable;
  interview_marks: InterviewMarkTable;
  interview_absences: InterviewAbsenceTable;
  interview_signoffs: InterviewSignoffTable;
  station_keys: StationKeyTable;
  station_assignments: StationAssignmentTable;
  station_imports: StationImportTable;
  ranking_overrides: RankingOverrideTable;
};
