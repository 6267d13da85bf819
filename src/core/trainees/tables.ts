/** Kysely types for the trainee registry (migration 0006). */
export type TraineeStatusValue = 'active' | 'suspended' | 'extended' | 'withdrawn' | 'completed';
export type ExamResultValue = 'pass' | 'fail' | 'none';

export type TraineeTable = {
  id: string;
  id_type: string;
  id_number: string;
  name: string;
  name_initials: string;
  sex: string | null;
  phone: string | null;
  program: 'residency' | 'agp';
  specialty_code: string;
  cohort_year: number;
  start_date: string;
  years: number;
  person_type: string | null;
  employer: string | null;
  partner_site: string | null;
  merged_postgraduate: number;
  qualification_cert_no: string | null;
  practising_cert_no: string | null;
  qualification_exam: ExamResultValue;
  theory_stage_exam: ExamResultValue;
  process_assessment: 'pass' | 'fail' | null;
  status: TraineeStatusValue;
  applicant_id: string | null;
  /** JSON [{standardDepartment, months}] or null (the whole scheme). */
  must_serve_json: string | null;
  source: 'enrolment' | 'import';
  content_hash: string;
  created_at: string;
  updated_at: string;
};

export type TraineeStatusChangeTable = {
  id: string;
  trainee_id: string;
  from_status: TraineeStatusValue;
  to_status: TraineeStatusValue;
  effective_date: string;
  reason: string;
  actor: string;
  at: string;
};

export type TraineeTransferTable = {
  id: string;
  trainee_id: string;
  kind: 'specialty' | 'base';
  before: string | null;
  after: string;
  effective_date: string;
  reason: string;
  actor: string;
  at: string;
};

export type TraineeTables = {
  trainees: TraineeTable;
  trainee_status_changes: TraineeStatusChangeTable;
  trainee_transfers: TraineeTransferTable;
};
