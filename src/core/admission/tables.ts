/** Kysely types for the admission feature (migration 0004). */
export type AdmissionDecisionTable = {
  id: string;
  cohort_year: number;
  kind: 'tie' | 'decline' | 'adjustment' | 'over_quota';
  applicant_id: string | null;
  payload_json: string;
  reason: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
};

export type AdmissionSecondChoiceTable = {
  applicant_id: string;
  cohort_year: number;
  choices_json: string;
  updated_at: string;
};

export type AdmissionRunTable = {
  id: string;
  cohort_year: number;
  run_no: number;
  round_limit: number | null;
  /** The stored run (StoredRun JSON). */
  result_json: string;
  changes_json: string;
  trigger: string;
  reason: string | null;
  created_by: string;
  created_at: string;
  /** Fingerprints of what the run read (InputFingerprints JSON, migration 0010); null for older runs. */
  inputs_json: string | null;
};

export type AdmissionRowTable = {
  applicant_id: string;
  cohort_year: number;
  run_id: string;
  specialty_code: string;
  /** '' when the plan does not split by category. */
  category: string;
  round: string;
  rank: number;
  /** Hundredths. */
  total: number;
  over_quota: number;
  reason: string | null;
  explanation: string;
};

export type AdmissionPublicationTable = {
  id: string;
  cohort_year: number;
  run_id: string;
  start_date: string;
  end_date: string;
  days: number;
  note: string | null;
  published_by: string;
  published_at: string;
  superseded_by_run: string | null;
};

export type TraineeFollowupTable = {
  applicant_id: string;
  cohort_year: number;
  reduction_requested: number;
  reduction_documents_json: string;
  reduction_note: string | null;
  base_decision: 'approved' | 'rejected' | null;
  base_years: number | null;
  base_reason: string | null;
  base_decided_by: string | null;
  base_decided_at: string | null;
  province_outcome: 'approved' | 'rejected' | null;
  province_note: string | null;
  province_recorded_at: string | null;
  reported_on: string | null;
  contract_signed_on: string | null;
  updated_at: string;
};

export type AdmissionTables = {
  admission_decisions: AdmissionDecisionTable;
  admission_second_choices: AdmissionSecondChoiceTable;
  admission_runs: AdmissionRunTable;
  admissions: AdmissionRowTable;
  admission_publications: AdmissionPublicationTable;
  trainee_followups: TraineeFollowupTable;
};
