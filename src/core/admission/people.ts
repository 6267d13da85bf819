/**
 * The applicants as the views name them: names, ID numbers and the rest of the row. The allocation itself
 * reads none of this (inputs.ts loads a narrow row), so a change that shows one page of the result looks up
 * only the people on that page, and the full list (admission.list, the CLI) loads everyone in one statement.
 */
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import type { Tx } from '../context';
import { fullChoiceList, ownChoicesByPosition, storedChoiceList } from '../applicants/choice-list';

export type ApplicantInfo = {
  id: string;
  idNumber: string;
  name: string;
  sex: string | null;
  phone: string | null;
  highestEducation: string | null;
  category: string | null;
  employer: string | null;
  /** This base's specialty per choice position, '' where the choice names another base. */
  choices: string[];
  acceptsAdjustment: boolean;
  confirmationStatus: string;
  reductionYears: number;
  /** Assigned here by the province or city (调剂): admitted by its recorded outcome, never refused. */
  assigned: boolean;
};

/** What a view shows of a person: the name, the ID number (masked unless revealed), sex and category. */
export type PersonInfo = Pick<ApplicantInfo, 'id' | 'idNumber' | 'name' | 'sex' | 'category'>;

/** The applicants a view may name, by id: a Map of everyone, or a lookup on first use. */
export type People = { get(id: string): PersonInfo | undefined };

export function parseChoices(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.trim() : '')) : [];
  } catch {
    return [];
  }
}

/**
 * The base ranks and admits only for choices naming itself: each own choice stays at its position, so an
 * applicant whose first choice is another base competes here in the second round.
 */
export function ownChoices(choicesJson: string, choiceListJson: string | null | undefined): string[] {
  const codes = parseChoices(choicesJson);
  const list = storedChoiceList(codes, choiceListJson);
  return list === null ? codes : ownChoicesByPosition(fullChoiceList(codes, list));
}

/** The person columns, in the order of PersonTuple. */
const PERSON_COLUMNS = `id, id_number, name, sex, phone, highest_education, category, employer, choices_json,
  choice_list_json, assigned_json IS NOT NULL, accepts_adjustment, confirmation_status, reduction_years`;

/** One applicant row in PERSON_COLUMNS order. */
type PersonTuple = [
  id: string,
  idNumber: string,
  name: string,
  sex: string | null,
  phone: string | null,
  highestEducation: string | null,
  category: string | null,
  employer: string | null,
  choicesJson: string,
  choiceListJson: string | null,
  assigned: number,
  acceptsAdjustment: number,
  confirmationStatus: string,
  reductionYears: number,
];

export type ColumnType = 'string' | 'string?' | 'number';

const PERSON_TYPES: readonly ColumnType[] = [
  'string',
  'string',
  'string',
  'string?',
  'string?',
  'string?',
  'string?',
  'string?',
  'string',
  'string?',
  'number',
  'number',
  'string',
  'number',
];

/** Whether a value is an array of exactly these column types. */
export function isTuple(v: unknown, types: readonly ColumnType[]): boolean {
  if (!Array.isArray(v) || v.length !== types.length) return false;
  for (let i = 0; i < types.length; i++) {
    const t = types[i]!;
    const x: unknown = v[i];
    if (t === 'string?' ? x !== null && typeof x !== 'string' : typeof x !== t) return false;
  }
  return true;
}

/** Rows of one JSON array of tuples, each checked against `types`; a damaged row is STORED_JSON_INVALID. */
export function tuplesOf<T>(json: string, types: readonly ColumnType[]): T[] {
  const rows: unknown = JSON.parse(json);
  if (!Array.isArray(rows) || !rows.every((r) => isTuple(r, types))) throw damagedRoster();
  return rows as T[];
}

function damagedRoster(): AppError {
  return new AppError(
    'STORED_JSON_INVALID',
    '数据库中考生名单的内容无法读取（格式不符），数据可能已损坏：请先运行数据库检查（db.check）或从备份恢复。',
    { where: 'applicants' },
  );
}

function personOf(r: PersonTuple, choices: string[]): ApplicantInfo {
  return {
    id: r[0],
    idNumber: r[1],
    name: r[2],
    sex: r[3],
    phone: r[4],
    highestEducation: r[5],
    category: r[6] === '' ? null : r[6],
    employer: r[7],
    choices,
    acceptsAdjustment: r[11] === 1,
    confirmationStatus: r[12],
    reductionYears: r[13],
    assigned: r[10] === 1,
  };
}

/** Choices parsed once per distinct stored text: many applicants share theirs, and callers only read them. */
export function choicesMemo(): (choicesJson: string, choiceListJson: string | null) => string[] {
  const seen = new Map<string, string[]>();
  return (choicesJson, choiceListJson) => {
    const key = choiceListJson === null ? choicesJson : `${choicesJson}\u0000${choiceListJson}`;
    let choices = seen.get(key);
    if (choices === undefined) seen.set(key, (choices = ownChoices(choicesJson, choiceListJson)));
    return choices;
  };
}

/**
 * The cohort's applicants as the views need them. One statement returning one JSON array of rows: for
 * 20,000 applicants about half the cost of the driver building 20,000 row objects (the same approach as
 * scores/results.ts).
 */
export async function loadApplicants(tx: Tx, cohortYear: number): Promise<Map<string, ApplicantInfo>> {
  const result = await sql<{ rows: string }>`SELECT coalesce(json_group_array(json_array(${sql.raw(PERSON_COLUMNS)})), '[]')
    AS rows FROM applicants WHERE cohort_year = ${cohortYear}`.execute(tx);
  const out = new Map<string, ApplicantInfo>();
  const choicesOf = choicesMemo();
  for (const r of tuplesOf<PersonTuple>(result.rows[0]?.rows ?? '[]', PERSON_TYPES)) {
    out.set(r[0], personOf(r, choicesOf(r[8], r[9])));
  }
  return out;
}

/** The view columns, in the order of ViewTuple. */
const VIEW_COLUMNS = 'id, id_number, name, sex, category';

type ViewTuple = [id: string, idNumber: string, name: string, sex: string | null, category: string | null];

const VIEW_TYPES: readonly ColumnType[] = ['string', 'string', 'string', 'string?', 'string?'];

function viewPersonOf(r: ViewTuple): PersonInfo {
  return { id: r[0], idNumber: r[1], name: r[2], sex: r[3], category: r[4] === '' ? null : r[4] };
}

/**
 * Everyone of the cohort as the views show them (the full list, the rankings, 公示): only the columns a view
 * reads, about half the text of the whole row and no choices to parse.
 */
export async function loadPeople(tx: Tx, cohortYear: number): Promise<Map<string, PersonInfo>> {
  const result = await sql<{ rows: string }>`SELECT coalesce(json_group_array(json_array(${sql.raw(VIEW_COLUMNS)})), '[]')
    AS rows FROM applicants WHERE cohort_year = ${cohortYear}`.execute(tx);
  const out = new Map<string, PersonInfo>();
  for (const r of tuplesOf<ViewTuple>(result.rows[0]?.rows ?? '[]', VIEW_TYPES)) out.set(r[0], viewPersonOf(r));
  return out;
}

/**
 * The applicants of a cohort looked up one by one as a view names them, each read once, on the connection
 * the caller's transaction runs on (better-sqlite3 is synchronous). For a page of a result: 400 lookups
 * cost a few milliseconds where loading all 20,000 people cost about 90.
 */
export function peopleLookup(raw: BetterSqlite3.Database, cohortYear: number): People {
  const stmt = raw.prepare(`SELECT ${VIEW_COLUMNS} FROM applicants WHERE id = ? AND cohort_year = ?`).raw(true);
  const seen = new Map<string, PersonInfo | undefined>();
  return {
    get(id) {
      if (seen.has(id)) return seen.get(id);
      const row: unknown = stmt.get(id, cohortYear);
      if (row !== undefined && !isTuple(row, VIEW_TYPES)) throw damagedRoster();
      const person = row === undefined ? undefined : viewPersonOf(row as ViewTuple);
      seen.set(id, person);
      return person;
    },
  };
}
