/** Kysely types for the applicants feature (migrations 0002, 0011, 0012, 0014). */
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
  full_time: number | null;
  category: string | null;
  employer: string | null;
  rural_oriented: number;
  qualification_cert_no: string | null;
  practising_cert_no: string | null;
  /** JSON array of this base's specialty codes, in choice order (choices naming other bases left out). */
  choices_json: string;
  /**
   * Migration 0014: JSON array of every choice, {order, base (null: this base), specialty}; its own-base entries'
   * specialties follow choices_json. null: every choice is this base's, in choices_json order.
   */
  choice_list_json?: string | null;
  /** Migration 0014: JSON AssignedRecord of a person the province or city assigned here (调剂); null otherwise. */
  assigned_json?: string | null;
  accepts_adjustment: number;
  reduction_years: number;
  photo_sha256: string | null;
  extra_json: string;
  confirmation_status: 'pending' | 'confirmed' | 'returned' | 'rejected';
  source_file: string | null;
  source_row: number | null;
  content_hash: string;
  /** null until the desk records the documents: JSON {itemKey: 'original'|'copy'|'missing'|'na'}. */
  checklist_json: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_reason: string | null;
  /** Migration 0011: 1/0, null = unknown (no column in the roster). */
  enrolled_student: number | null;
  rural_breach: number | null;
  rural_county: string | null;
  discipline: string | null;
  /**
   * The record fields a roster or clerk supplied: one bit per field as decimal text (migration 0020, see
   * supplied-fields.ts), or a JSON array as stored before; null for rows stored before 0011.
   */
  supplied_json: string | null;
  /** Migration 0012: JSON {by, at, keys} when the clerk declared the required items checked as originals. */
  checklist_attested_json: string | null;
  /** JSON {reason, by, at, rules: [{ruleId, title}]}: failing eligibility rules overridden at 确认通过. */
  rules_override_json: string | null;
  /** Short keyed hashes of the last 4 characters of the ID / phone number (never the digits); null = not yet filled. */
  id_tail_key: string | null;
  phone_tail_key: string | null;
  created_at: string;
  updated_at: string;
};

export type AttachmentTable = {
  id: string;
  applicant_id: string;
  /** Checklist item the scan belongs to ('id_card', 'diploma', 'photo' ...). */
  item_key: string;
  sha256: string;
  mime: string;
  size: number;
  file_name: string;
  /** 1 for ID-card images: sensitive personal information (PIPL). */
  sensitive: number;
  created_at: string;
  created_by: string;
};

export type ApplicantTables = { applicants: ApplicantTable; applicant_attachments: AttachmentTable };
