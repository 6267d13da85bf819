/**
 * Writing a roster's new applicants: one prepared INSERT run per row with its values filled straight from the
 * record into one reused array. Building a 45-property row object per applicant first (as `newApplicantRow`
 * does for the paper form's single row) cost as much as the insert itself on a 10,000-row roster, mostly in
 * garbage collection. The stored row is the same as `newApplicantRow`'s (a test compares them column by column).
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { fullChoiceList } from './choice-list';
import { contentHash } from './record';
import { storedSupplied } from './supplied-fields';
import type { ApplicantRecord } from './validate-row';

/** The record's columns in the order `fillRecord` writes them (as `columnsOf` names them). */
const RECORD_COLUMNS = [
  'id_type',
  'id_number',
  'name',
  'sex',
  'ethnicity',
  'birth_date',
  'phone',
  'email',
  'highest_education',
  'highest_degree',
  'school',
  'major',
  'graduation_date',
  'full_time',
  'category',
  'employer',
  'rural_oriented',
  'qualification_cert_no',
  'practising_cert_no',
  'choices_json',
  'choice_list_json',
  'accepts_adjustment',
  'reduction_years',
  'enrolled_student',
  'rural_breach',
  'rural_county',
  'discipline',
  'supplied_json',
] as const;

/**
 * Every column a new applicant's row sets. Those it leaves out (photo, checklist, decision) are NULL, as
 * `newApplicantRow` writes them.
 */
const NEW_ROW_COLUMNS = [
  'id',
  'cohort_year',
  ...RECORD_COLUMNS,
  'name_initials',
  'extra_json',
  'confirmation_status',
  'source_file',
  'source_row',
  'content_hash',
  'created_at',
  'updated_at',
] as const;

const flag = (v: boolean | null | undefined): number | null => (v == null ? null : v ? 1 : 0);

export type NewApplicant = { id: string; record: ApplicantRecord; row: number | null; initials: string };

/** Inserts new applicants of one import: same cohort, file and time for every row. */
export class NewApplicantWriter {
  private readonly stmt: BetterSqlite3.Statement;
  private readonly values: unknown[] = new Array<unknown>(NEW_ROW_COLUMNS.length);
  /** Most rows of a roster share a few choice lists and one list of supplied fields: their stored text is made once. */
  private readonly choiceListJson = new Map<string, string>();
  private supplied: string[] | null | undefined;
  private suppliedText: string | null = null;

  constructor(raw: BetterSqlite3.Database, cohortYear: number, fileName: string, now: string) {
    const names = NEW_ROW_COLUMNS.map((c) => `"${c}"`).join(', ');
    this.stmt = raw.prepare(`INSERT INTO applicants (${names}) VALUES (${NEW_ROW_COLUMNS.map(() => '?').join(', ')})`);
    const v = this.values;
    const at = NEW_ROW_COLUMNS.length - 8;
    v[1] = cohortYear;
    v[at + 1] = '{}';
    v[at + 2] = 'pending';
    v[at + 3] = fileName;
    v[at + 6] = now;
    v[at + 7] = now;
  }

  add(a: NewApplicant): void {
    const v = this.values;
    v[0] = a.id;
    this.fillRecord(a.record, 2);
    const at = NEW_ROW_COLUMNS.length - 8;
    v[at] = a.initials;
    v[at + 4] = a.row;
    v[at + 5] = contentHash(a.record);
    this.stmt.run(v);
  }

  private fillRecord(r: ApplicantRecord, at: number): void {
    const v = this.values;
    v[at] = r.idType;
    v[at + 1] = r.idNumber;
    v[at + 2] = r.name;
    v[at + 3] = r.sex;
    v[at + 4] = r.ethnicity;
    v[at + 5] = r.birthDate;
    v[at + 6] = r.phone;
    v[at + 7] = r.email;
    v[at + 8] = r.highestEducation;
    v[at + 9] = r.highestDegree;
    v[at + 10] = r.school;
    v[at + 11] = r.major;
    v[at + 12] = r.graduationDate;
    v[at + 13] = flag(r.fullTime);
    v[at + 14] = r.category;
    v[at + 15] = r.employer;
    v[at + 16] = r.ruralOriented ? 1 : 0;
    v[at + 17] = r.qualificationCertNo;
    v[at + 18] = r.practisingCertNo;
    const choices = JSON.stringify(r.choices);
    v[at + 19] = choices;
    v[at + 20] = this.choiceListOf(r, choices);
    v[at + 21] = r.acceptsAdjustment ? 1 : 0;
    v[at + 22] = r.reductionYears;
    v[at + 23] = flag(r.enrolledStudent);
    v[at + 24] = flag(r.ruralBreach);
    v[at + 25] = r.ruralCounty ?? null;
    v[at + 26] = r.discipline ?? null;
    v[at + 27] = this.storedSuppliedOf(r.supplied);
  }

  private choiceListOf(r: ApplicantRecord, choicesJson: string): string {
    if (r.choiceList) return JSON.stringify(fullChoiceList(r.choices, r.choiceList));
    let json = this.choiceListJson.get(choicesJson);
    if (json === undefined) {
      json = JSON.stringify(fullChoiceList(r.choices, null));
      this.choiceListJson.set(choicesJson, json);
    }
    return json;
  }

  private storedSuppliedOf(supplied: string[] | null | undefined): string | null {
    if (supplied !== this.supplied) {
      this.supplied = supplied;
      this.suppliedText = storedSupplied(supplied);
    }
    return this.suppliedText;
  }
}
