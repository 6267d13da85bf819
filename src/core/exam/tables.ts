/** Kysely types for completion-exam registration (migration 0008). */
import type { ExamCandidateStatus, ExamDecision, ExamSubject } from '../../shared/contract/exam';

export type ExamCalendarTable = { year: number; calendar_json: string; reason: string; updated_by: string; updated_at: string };

export type ExamCandidateTable = {
  id: string;
  year: number;
  trainee_id: string;
  retake: number;
  subjects_json: string;
  training_end: string;
  source: 'proposed' | 'manual';
  status: ExamCandidateStatus;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
};

export type ExamCheckTable = {
  id: string;
  candidate_id: string;
  code: string;
  passed: number;
  evidence: string;
  actor: string;
  at: string;
};

export type ExamReviewTable = {
  id: string;
  candidate_id: string;
  decision: ExamDecision;
  reason: string | null;
  late: number;
  checks_json: string;
  actor: string;
  at: string;
};

export type ExamMaterialTable = { candidate_id: string; item_key: string; received: number; actor: string; at: string };

export type ExamRegistrationTable = {
  candidate_id: string;
  subject: ExamSubject;
  provincial: number;
  national: number;
  identical: number;
  status_seen: number;
  updated_by: string;
  updated_at: string;
};

export type ExamResultTable = {
  id: string;
  trainee_id: string;
  year: number;
  subject: ExamSubject;
  passed: number;
  score: string | null;
  import_id: string;
  actor: string;
  at: string;
};

export type ExamCertificateTable = { trainee_id: string; cert_no: string; issued_on: string; actor: string; at: string };

/** The 汇总表 columns edited at this base (migration 0017); one row at most. */
export type ExamSummaryTemplateTable = {
  id: number;
  columns_json: string;
  reason: string;
  updated_by: string;
  updated_at: string;
};

export type ExamTables = {
  exam_calendars: ExamCalendarTable;
  exam_candidates: ExamCandidateTable;
  exam_checks: ExamCheckTable;
  exam_reviews: ExamReviewTable;
  exam_materials: ExamMaterialTable;
  exam_registrations: ExamRegistrationTable;
  exam_results: ExamResultTable;
  exam_certificates: ExamCertificateTable;
  exam_summary_template: ExamSummaryTemplateTable;
};
