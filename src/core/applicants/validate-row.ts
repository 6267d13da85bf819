/**
 * One spreadsheet row -> a normalised applicant record, or the row's problems. Pure. Noise (spaces,
 * full-width forms, lowercase x, +86 and separators, the usual date spellings) is normalised silently;
 * everything else is a coded problem with the row, the field and a message that says what to do.
 */
import type { ApplicantChoice, ApplicantFieldKey, RowProblem } from '../../shared/contract/applicants';
import type { Preset } from '../../shared/preset';
import type { CatalogueIndex } from '../catalogue/catalogue';
import type { DocType } from '../identity';
import { normalizeText } from '../tabular';
import { cellTextProblem } from '../tabular/cell-safety';
import type { Cell } from '../tabular';
import {
  birthDateOrFromId,
  readBirthDate,
  readCategory,
  readCertificates,
  readChoices,
  readDiscipline,
  readEmail,
  readGraduationDate,
  readIdNumber,
  readIdType,
  readPhone,
  readReductionYears,
  readSex,
  readYesNo,
} from './row-fields';
import { fieldLabel } from './fields';
import { rowReader, type RowReader } from './row-reader';
import { isPlainCellText } from './plain-text';

/** The imported fields of one applicant, normalised: what content_hash covers. */
export type ApplicantRecord = {
  idType: DocType;
  idNumber: string;
  name: string;
  sex: string | null;
  ethnicity: string | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  highestEducation: string | null;
  highestDegree: string | null;
  school: string | null;
  major: string | null;
  graduationDate: string | null;
  fullTime: boolean | null;
  category: string | null;
  employer: string | null;
  ruralOriented: boolean;
  qualificationCertNo: string | null;
  practisingCertNo: string | null;
  /** This base's specialty codes, in choice order. */
  choices: string[];
  /**
   * Every choice in order when at least one names another base; null (or absent) when every choice is this
   * base's, in `choices` order. Kept null then, so the content hash of such a record is what it always was.
   */
  choiceList?: ApplicantChoice[] | null;
  acceptsAdjustment: boolean;
  reductionYears: number;
  /** 全日制在校研究生; null when unknown. */
  enrolledStudent?: boolean | null;
  /** 违约的免费定向医学生; null when unknown. */
  ruralBreach?: boolean | null;
  /** 定向就业县（市、区）. */
  ruralCounty?: string | null;
  /** 毕业专业类别 as written (临床 / 口腔 / 中医 ...). */
  discipline?: string | null;
  /**
   * The record fields the roster (or clerk) supplied, sorted. An empty value of a supplied field is a known
   * "none"; a field never supplied is unknown. null: stored before this was kept.
   */
  supplied?: string[] | null;
};

/** Fields the import reads as “否” when the roster has no column for them: only a column makes them known. */
export const DEFAULTED_WHEN_ABSENT: ReadonlySet<string> = new Set(['ruralOriented', 'acceptsAdjustment']);

export type RowContext = {
  preset: Preset;
  catalogue: CatalogueIndex;
  /** Specialty codes an applicant may choose: this year's plan, or the active catalogue without a plan. */
  allowed: Set<string>;
  allowedFrom: 'plan' | 'catalogue';
  today: string;
  /** This base's name and code: a choice naming either is this base's own. Absent: every base named is another. */
  base?: { name: string; code: string };
};

export type RowOutcome = {
  row: number;
  record: ApplicantRecord | null;
  /** Which fields the file supplies (only those are compared and updated on re-import). */
  present: Set<ApplicantFieldKey>;
  problems: RowProblem[];
  warnings: RowProblem[];
  /** Normalised ID (even when invalid) for duplicate detection. */
  idKey: string;
};

export { matchCategory, parseYesNo } from './row-fields';

/**
 * Hidden characters or an absurd length in any cell refuse the row, naming the field (see cell-safety). The
 * cells are visited by column number, the field looked up only for a cell with a problem.
 */
function refuseUnsafeText(r: RowReader, cells: Cell[], facts: ColumnFacts): void {
  const { fields, indices } = facts;
  for (let j = 0; j < indices.length; j++) {
    const text = cells[indices[j]!]?.text ?? '';
    if (isPlainCellText(text)) continue;
    const problem = cellTextProblem(text);
    const k = fields[j]!;
    if (problem) r.problem(k, problem.code, `“${fieldLabel(k)}”${problem.message}`);
  }
}

type ColumnFacts = {
  present: Set<ApplicantFieldKey>;
  supplied: string[];
  /** The mapped fields and their column numbers, in the same order. */
  fields: ApplicantFieldKey[];
  indices: number[];
};
const factsOfColumns = new WeakMap<Map<ApplicantFieldKey, number>, ColumnFacts>();

/**
 * Which fields a file supplies depends on its columns only, so every row of one file shares one answer
 * (rebuilding the set and the sorted list per row was a tenth of validating a large roster). Shared, so
 * never mutated: an update builds its own union of supplied fields. Built again if the map has changed size.
 */
function columnFacts(columns: Map<ApplicantFieldKey, number>): ColumnFacts {
  let facts = factsOfColumns.get(columns);
  if (!facts || facts.present.size !== columns.size) {
    const present = new Set<ApplicantFieldKey>(columns.keys());
    // Frozen: the content hash serialises a frozen list once (record.ts), and no row can change the others' list.
    facts = {
      present,
      supplied: Object.freeze(suppliedFields(present)) as string[],
      fields: [...columns.keys()],
      indices: [...columns.values()],
    };
    factsOfColumns.set(columns, facts);
  }
  return facts;
}

export function validateRow(cells: Cell[], rowNo: number, columns: Map<ApplicantFieldKey, number>, ctx: RowContext): RowOutcome {
  const r = rowReader(cells, rowNo, columns);
  const facts = columnFacts(columns);
  const { present, supplied } = facts;
  refuseUnsafeText(r, cells, facts);
  const name = r.text('name');
  r.required('name');
  const type = readIdType(r);
  const declaredBirth = readBirthDate(r);
  const idKey = normalizeText(r.cell('idNumber').text).replace(/\s+/g, '').toUpperCase();
  const idNumber = readIdNumber(r, type, ctx.today, declaredBirth);
  const sex = readSex(r, idNumber);
  const birthDate = birthDateOrFromId(declaredBirth, idNumber);
  const phone = readPhone(r);
  const email = readEmail(r);
  const graduationDate = readGraduationDate(r);
  const category = readCategory(r, ctx.preset);
  const ruralOriented = readYesNo(r, 'ruralOriented') ?? false;
  const acceptsAdjustment = readYesNo(r, 'acceptsAdjustment') ?? false;
  const fullTime = readYesNo(r, 'fullTime');
  const { choices, choiceList } = readChoices(r, ctx);
  const reductionYears = readReductionYears(r);
  const { practisingCertNo, qualificationCertNo } = readCertificates(r);
  const enrolledStudent = readYesNo(r, 'enrolledStudent');
  const ruralBreach = readYesNo(r, 'ruralBreach');
  const ruralCounty = r.opt('ruralCounty');
  const discipline = readDiscipline(r);
  // Every property written out (no spreads): a literal with spreads in the middle is built property by
  // property at run time, which was the largest single cost of validating a 10,000-row roster.
  const record: ApplicantRecord | null =
    r.problems.length > 0
      ? null
      : {
          idType: type.idType,
          idNumber,
          name,
          sex,
          ethnicity: r.opt('ethnicity'),
          birthDate,
          phone,
          email,
          highestEducation: r.opt('highestEducation'),
          highestDegree: r.opt('highestDegree'),
          school: r.opt('school'),
          major: r.opt('major'),
          graduationDate,
          fullTime,
          category,
          employer: r.opt('employer'),
          ruralOriented,
          practisingCertNo,
          qualificationCertNo,
          choices,
          choiceList,
          acceptsAdjustment,
          reductionYears,
          enrolledStudent,
          ruralBreach,
          ruralCounty,
          discipline,
          supplied,
        };
  return { row: rowNo, record, present, problems: r.problems, warnings: r.warnings, idKey };
}

const CHOICE_FIELDS: ReadonlySet<string> = new Set([
  'choice1',
  'choice2',
  'choice3',
  'choice1Base',
  'choice2Base',
  'choice3Base',
]);

/** Whether a file column is one of the choice columns (specialty or base), which feed the one `choices` list. */
export function isChoiceField(k: ApplicantFieldKey): boolean {
  return CHOICE_FIELDS.has(k);
}

/** The record fields a file's columns feed (its choice columns are the one `choices` list). */
export function suppliedFields(present: Iterable<ApplicantFieldKey>): string[] {
  const keys = new Set<string>();
  for (const k of present) keys.add(isChoiceField(k) ? 'choices' : k);
  return [...keys].sort();
}

/** Mark every row sharing an ID with another row of the same file; none of them is imported. */
export function markDuplicates(outcomes: RowOutcome[], idLabel: string): void {
  // Each ID's first row by itself, and a list only for IDs seen again: a list per row was a twentieth of
  // validating a roster, which has few repeated IDs or none.
  const first = new Map<string, RowOutcome>();
  const repeated = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    const key = o.record?.idNumber ?? o.idKey;
    if (!key) continue;
    const seen = first.get(key);
    if (seen === undefined) {
      first.set(key, o);
      continue;
    }
    const list = repeated.get(key);
    if (list) list.push(o);
    else repeated.set(key, [seen, o]);
  }
  for (const list of repeated.values()) {
    const rows = list.map((o) => o.row);
    for (const o of list) {
      const others = rows.filter((r) => r !== o.row).join('、');
      o.problems.push({
        row: o.row,
        field: idLabel,
        code: 'DUPLICATE_IN_FILE',
        message: `第 ${o.row} 行：证件号码与第 ${others} 行重复，同一人在文件中出现了多次。请删除重复行后重新导入（这些行都未导入）`,
      });
      o.record = null;
    }
  }
}
