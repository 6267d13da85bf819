/** Kysely types for training-year reduction and platform results (migration 0016). */
export type ReductionRecordTable = {
  applicant_id: string;
  cohort_year: number;
  /** JSON ReductionFacts: what the 申请表 says; a missing key is unknown. */
  facts_json: string;
  months_granted: number | null;
  /** JSON [{department, months}]: 需要补足培训时间的培训内容. */
  makeup_json: string;
  decided_on: string | null;
  decision_note: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  agreement_signed_on: string | null;
  agreement_recorded_by: string | null;
  created_at: string;
  updated_at: string;
};

export type ReductionExperienceTable = {
  id: string;
  applicant_id: string;
  kind: 'professional-graduate' | 'academic-graduate' | 'other-province' | 'other';
  hospital: string;
  specialty: string;
  from_date: string;
  to_date: string;
  recognised_base: number | null;
  proof_sha256: string | null;
  proof_file_name: string | null;
  proof_mime: string | null;
  review: 'pending' | 'accepted' | 'rejected';
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  created_by: string;
  created_at: string;
};

export type PlatformResultTable = {
  applicant_id: string;
  cohort_year: number;
  result: '合格' | '不合格';
  reason: string;
  set_by: string;
  set_at: string;
};

export type ReductionTables = {
  reduction_records: ReductionRecordTable;
  reduction_experiences: ReductionExperienceTable;
  platform_results: PlatformResultTable;
};
