/** Kysely types for the paper 报名表 fields (migration 0015). */
export type ApplicantPaperFormTable = {
  applicant_id: string;
  political_status: string | null;
  hukou: string | null;
  marital_status: string | null;
  health_status: string | null;
  landline: string | null;
  address: string | null;
  postal_code: string | null;
  foreign_language: string | null;
  foreign_language_level: string | null;
  foreign_language_other: string | null;
  source: string;
  entered_by: string;
  entered_at: string;
};

export type PaperFormTables = { applicant_paper_forms: ApplicantPaperFormTable };
