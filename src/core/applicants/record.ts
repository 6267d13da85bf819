/** Conversions between the stored row, the normalised import record and the API views (always masked). */
import {
  APPLICANT_FIELD_LABELS,
  type ApplicantChoice,
  type ApplicantFieldKey,
  type AssignedRecord,
  type ApplicantSummary,
  type FieldChange,
} from '../../shared/contract/applicants';
import { maskIdNumber, maskPhone } from '../../shared/mask';
import type { CatalogueIndex } from '../catalogue/catalogue';
import type { DocType } from '../identity';
import { maskCertNo } from './privacy';
import { hash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { ApplicantTable } from './tables';
import { DEFAULTED_WHEN_ABSENT, isChoiceField, type ApplicantRecord } from './validate-row';
import { parseJsonAs, stringList } from '../util/json';
import { choiceText, fullChoiceList, roundHere, storedChoiceList } from './choice-list';
import { storedSupplied, suppliedOf } from './supplied-fields';

export function recordOf(a: ApplicantTable): ApplicantRecord {
  const choices = parseJsonAs(stringList, a.choices_json, 'applicants.choices_json');
  return {
    idType: a.id_type as DocType,
    idNumber: a.id_number,
    name: a.name,
    sex: a.sex,
    ethnicity: a.ethnicity,
    birthDate: a.birth_date,
    phone: a.phone,
    email: a.email,
    highestEducation: a.highest_education,
    highestDegree: a.highest_degree,
    school: a.school,
    major: a.major,
    graduationDate: a.graduation_date,
    fullTime: a.full_time === null ? null : a.full_time === 1,
    category: a.category,
    employer: a.employer,
    ruralOriented: a.rural_oriented === 1,
    qualificationCertNo: a.qualification_cert_no,
    practisingCertNo: a.practising_cert_no,
    choices,
    choiceList: storedChoiceList(choices, a.choice_list_json),
    acceptsAdjustment: a.accepts_adjustment === 1,
    reductionYears: a.reduction_years,
    enrolledStudent: flag(a.enrolled_student),
    ruralBreach: flag(a.rural_breach),
    ruralCounty: a.rural_county,
    discipline: a.discipline,
    supplied: suppliedOf(a.supplied_json),
  };
}

const flag = (v: number | null): boolean | null => (v === null ? null : v === 1);
const flagColumn = (v: boolean | null | undefined): number | null => (v == null ? null : v ? 1 : 0);

/** Where a new applicant came from: a roster file and row, or the paper form typed in. */
export type NewApplicantSource = { file: string; row: number | null; initials: string; extraJson: string };

/** A new applicant's row, pending 现场确认: the same whether imported or entered by hand. */
export function newApplicantRow(id: string, cohortYear: number, r: ApplicantRecord, from: NewApplicantSource, now: string) {
  return {
    id,
    cohort_year: cohortYear,
    ...columnsOf(r),
    name_initials: from.initials,
    photo_sha256: null,
    extra_json: from.extraJson,
    confirmation_status: 'pending' as const,
    source_file: from.file,
    source_row: from.row,
    content_hash: contentHash(r),
    checklist_json: null,
    decided_at: null,
    decided_by: null,
    decision_reason: null,
    created_at: now,
    updated_at: now,
  } satisfies Insertable<ApplicantTable>;
}

/** The record's columns, for insert and update. */
export function columnsOf(r: ApplicantRecord) {
  return {
    id_type: r.idType,
    id_number: r.idNumber,
    name: r.name,
    sex: r.sex,
    ethnicity: r.ethnicity,
    birth_date: r.birthDate,
    phone: r.phone,
    email: r.email,
    highest_education: r.highestEducation,
    highest_degree: r.highestDegree,
    school: r.school,
    major: r.major,
    graduation_date: r.graduationDate,
    full_time: r.fullTime === null ? null : r.fullTime ? 1 : 0,
    category: r.category,
    employer: r.employer,
    rural_oriented: r.ruralOriented ? 1 : 0,
    qualification_cert_no: r.qualificationCertNo,
    practising_cert_no: r.practisingCertNo,
    choices_json: JSON.stringify(r.choices),
    choice_list_json: JSON.stringify(fullChoiceList(r.choices, r.choiceList)),
    accepts_adjustment: r.acceptsAdjustment ? 1 : 0,
    reduction_years: r.reductionYears,
    enrolled_student: flagColumn(r.enrolledStudent),
    rural_breach: flagColumn(r.ruralBreach),
    rural_county: r.ruralCounty ?? null,
    discipline: r.discipline ?? null,
    supplied_json: storedSupplied(r.supplied),
  };
}

/** Field order is fixed by HASH_KEYS, so plain JSON of the values is canonical (and much cheaper). */
export const HASH_KEYS: readonly (keyof ApplicantRecord)[] = [
  'idType',
  'idNumber',
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'phone',
  'email',
  'highestEducation',
  'highestDegree',
  'school',
  'major',
  'graduationDate',
  'fullTime',
  'category',
  'employer',
  'ruralOriented',
  'qualificationCertNo',
  'practisingCertNo',
  'choices',
  'acceptsAdjustment',
  'reductionYears',
  // Appended (never reordered): hashes of records stored before these existed stay comparable field by field.
  'enrolledStudent',
  'ruralBreach',
  'ruralCounty',
  'discipline',
  'supplied',
];

/**
 * The values HASH_KEYS names, in its order, read by name: one array literal per record instead of a lookup per
 * key through a variable (which V8 cannot specialise, and which was most of hashing a 10,000-row roster). A
 * test keeps this list equal to HASH_KEYS.
 */
export function hashValues(r: ApplicantRecord): unknown[] {
  const values = leadingHashValues(r);
  values.push(r.supplied);
  // Only a record with a choice elsewhere hashes its choice list: every other record hashes as it always did.
  if (r.choiceList != null) values.push(r.choiceList);
  return values;
}

/** The values of HASH_KEYS before `supplied`. */
function leadingHashValues(r: ApplicantRecord): unknown[] {
  return [
    r.idType,
    r.idNumber,
    r.name,
    r.sex,
    r.ethnicity,
    r.birthDate,
    r.phone,
    r.email,
    r.highestEducation,
    r.highestDegree,
    r.school,
    r.major,
    r.graduationDate,
    r.fullTime,
    r.category,
    r.employer,
    r.ruralOriented,
    r.qualificationCertNo,
    r.practisingCertNo,
    r.choices,
    r.acceptsAdjustment,
    r.reductionYears,
    r.enrolledStudent,
    r.ruralBreach,
    r.ruralCounty,
    r.discipline,
  ];
}

/**
 * JSON.stringify(hashValues(r)), written in pieces so the supplied list, the same on every row of a roster and
 * about half of the text, is serialised once per file rather than once per row.
 */
function hashText(r: ApplicantRecord): string {
  const leading = JSON.stringify(leadingHashValues(r));
  const tail = r.choiceList != null ? `,${JSON.stringify(r.choiceList)}]` : ']';
  return `${leading.slice(0, -1)},${suppliedJson(r.supplied)}${tail}`;
}

/** JSON of the frozen supplied lists (one file's rows share one, see validate-row), made once per list. */
const frozenSuppliedJson = new WeakMap<readonly string[], string>();

function suppliedJson(list: readonly string[] | null | undefined): string {
  // An absent list is null in JSON, as JSON.stringify writes an undefined array element.
  if (list == null) return 'null';
  // Only a frozen list can be remembered: any other may be changed after it was hashed.
  if (!Object.isFrozen(list)) return JSON.stringify(list);
  let json = frozenSuppliedJson.get(list);
  if (json === undefined) {
    json = JSON.stringify(list);
    frozenSuppliedJson.set(list, json);
  }
  return json;
}

export function contentHash(r: ApplicantRecord): string {
  // Absent optional facts hash as null, as the stored row reads them back: JSON.stringify writes an
  // undefined array element as null, so no defaulted copy of the record is needed (a copy per row was a
  // sixth of a 10,000-row import).
  return hash('sha256', hashText(r), 'hex');
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

type RecordKey = keyof ApplicantRecord;

/** Which record keys a file column feeds (the choice columns feed one list). */
function recordKeyOf(field: ApplicantFieldKey): RecordKey {
  return isChoiceField(field) ? 'choices' : (field as RecordKey);
}

// The file's choice columns are one list in the record.
const LABELS: Record<RecordKey, string> = {
  ...APPLICANT_FIELD_LABELS,
  choices: '志愿',
  choiceList: '志愿（含其他基地）',
  supplied: '已提供的字段',
};

/** A value as the change list shows it; a field the stored record never had is “未提供”, not “空”. */
const NOT_SUPPLIED = '（未提供）';
const NONE = '（空）';

function shown(key: RecordKey, v: unknown, catalogue: CatalogueIndex): string | null {
  if (v === null || v === undefined) return null;
  if (key === 'phone') return maskPhone(String(v));
  if (key === 'idNumber') return maskIdNumber(String(v));
  if (key === 'qualificationCertNo') return maskCertNo(String(v));
  if (key === 'choices') return (v as string[]).map((c) => catalogue.byCode.get(c)?.name ?? c).join('、');
  if (key === 'choiceList') return (v as ApplicantChoice[]).map((c) => choiceText(c, nameIn(catalogue))).join('；');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/**
 * The existing record updated with only the fields the file supplies (a column missing from a newer file
 * keeps what is stored), plus the list of what changed, masked for display and for the audit trail.
 */
export function mergeRecord(
  existing: ApplicantRecord,
  incoming: ApplicantRecord,
  present: Set<ApplicantFieldKey>,
  catalogue: CatalogueIndex,
): { merged: ApplicantRecord; changes: FieldChange[] } {
  const merged: ApplicantRecord = { ...existing };
  const keys = new Set<RecordKey>([...present].map(recordKeyOf));
  // Derived values fill in only when the file's own column is absent.
  if (!present.has('sex') && existing.sex === null) keys.add('sex');
  if (!present.has('birthDate') && existing.birthDate === null) keys.add('birthDate');
  const changes: FieldChange[] = [];
  for (const k of keys) {
    const before = existing[k] ?? null;
    const after = incoming[k] ?? null;
    if (same(before, after)) {
      // Same (empty) value, but now known to be empty: worth storing, since rules read "none" differently.
      if (newlySupplied(existing, k))
        changes.push({ field: LABELS[k], before: NOT_SUPPLIED, after: shown(k, after, catalogue) ?? NONE });
      continue;
    }
    (merged as Record<RecordKey, unknown>)[k] = after;
    changes.push({ field: LABELS[k], before: shown(k, before, catalogue), after: shown(k, after, catalogue) });
  }
  if (keys.has('choices')) mergeChoiceList(merged, existing, incoming, changes, catalogue);
  merged.supplied = unionSupplied(existing.supplied, incoming.supplied);
  return { merged, changes };
}

/** Choices at other bases come with the choice columns; a change there is listed like any field. */
function mergeChoiceList(
  merged: ApplicantRecord,
  existing: ApplicantRecord,
  incoming: ApplicantRecord,
  changes: FieldChange[],
  catalogue: CatalogueIndex,
): void {
  const before = existing.choiceList ?? null;
  const after = incoming.choiceList ?? null;
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  merged.choiceList = after;
  const full = (r: ApplicantRecord) => fullChoiceList(r.choices, r.choiceList);
  changes.push({
    field: LABELS.choiceList,
    before: shown('choiceList', full(existing), catalogue),
    after: shown('choiceList', full(incoming), catalogue),
  });
}

/**
 * Whether the file now supplies a field the stored record only had empty (or defaulted to “否”). Only for rows
 * that track supplied fields: older rows would list every empty field on their first re-import.
 */
function newlySupplied(existing: ApplicantRecord, k: RecordKey): boolean {
  if (existing.supplied == null || existing.supplied.includes(k)) return false;
  const v = existing[k];
  return DEFAULTED_WHEN_ABSENT.has(k) || v === null || v === undefined || v === '';
}

function unionSupplied(a: string[] | null | undefined, b: string[] | null | undefined): string[] | null {
  if (a == null && b == null) return null;
  return [...new Set([...(a ?? []), ...(b ?? [])])].sort();
}

const nameIn = (catalogue: CatalogueIndex) => (code: string) => catalogue.byCode.get(code)?.name ?? code;

export function summaryOf(a: ApplicantTable, catalogue: CatalogueIndex, reveal = false): ApplicantSummary {
  const choices = parseJsonAs(stringList, a.choices_json, 'applicants.choices_json');
  const list = fullChoiceList(choices, storedChoiceList(choices, a.choice_list_json));
  return {
    id: a.id,
    idNumber: reveal ? a.id_number : maskIdNumber(a.id_number),
    idType: a.id_type,
    name: a.name,
    sex: a.sex,
    phone: a.phone === null ? null : reveal ? a.phone : maskPhone(a.phone),
    category: a.category,
    choices,
    choiceNames: choices.map((c) => catalogue.byCode.get(c)?.name ?? c),
    choiceList: list,
    roundHere: roundHere(list),
    choiceTexts: list.map((c) => choiceText(c, nameIn(catalogue))),
    assigned: a.assigned_json ? (JSON.parse(a.assigned_json) as AssignedRecord) : null,
    acceptsAdjustment: a.accepts_adjustment === 1,
    confirmation: a.confirmation_status,
    decidedAt: a.decided_at,
  };
}
