/** Kysely types for the applicants feature (migration 0002). */
export type ApplicantTable = {
  id: string;
  cohort_year: number;
  id_type: string;
  id_number: string;
  name: string;
  name_initials: string;
  sex: string | null;
  ethnicity: string | null;
  birth_date: string | null;
  phone: string | null;
  email: string | null;
  highest_education: string | null;
  highest_degree: string | null;
  school: string | null;
  major: string | null;
  graduation_date: string | null;
  category: string | null;
  employer: string | null;
  rural_oriented: number;
  qualification_cert_no: string | null;
  practising_cert_no: string | null;
  /** JSON array of specialty codes, choice 1..n. */
  choices_json: string;
  accepts_adjustment: number;
  reduction_years: number;
  photo_sha256: string | null;
  extra_json: string;
  confirmation_status: 'pending' | 'confirmed' | 'returned' | 'rejected';
  source_file: string | null;
  source_row: number | null;
  content_hash: string;
  created_at: string;
  updated_at: string;
};

export type ApplicantTables = { applicants: ApplicantTable };
