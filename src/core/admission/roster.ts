/**
 * The cohort's applicants as the allocation reads them: only the columns it needs (no names or ID numbers,
 * see people.ts), one array per column, in id order, with the fingerprints of the roster groups
 * (staleness.ts) taken from the same read.
 *
 * One statement returns each column as one text: a JSON array for the ids, categories, statuses and flags
 * (the parser shares each short string it meets again, so the allocation compares shared strings), the
 * choices and choice lists joined by a control character and split here (a JSON array would quote every
 * one). For 20,000 applicants this costs less than the same rows as one JSON array of rows, and leaves far
 * fewer objects for the collector to copy while the run that follows is young. The texts, in id order, are
 * what the fingerprints hash: no second pass over the roster, no string built per applicant. A stored text
 * that itself holds the separator shows as a column of the wrong length; the roster is then read as JSON
 * rows instead, so no value can shift into another's place.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../context';
import { tuplesOf, type ColumnType } from './people';
import type { ApplicantFingerprints } from './staleness';

export type RosterColumns = {
  ids: string[];
  /** '' where the applicant has none. */
  categories: string[];
  choicesJson: string[];
  /** applicants.choice_list_json where it names another base (see ownChoices), else ''. */
  choiceListJson: string[];
  /** 1 for a person the province or city assigned here, else 0. */
  assigned: number[];
  /** applicants.accepts_adjustment (1 accepts). */
  acceptsAdjustment: number[];
  confirmationStatus: string[];
  /** Positions by id as JavaScript orders strings; null when the rows already came in that order. */
  order: number[] | null;
};

export type Roster = RosterColumns & { fingerprints: ApplicantFingerprints };

const SEPARATOR = '\u001e';

type ColumnTexts = {
  n: number;
  ids: string | null;
  categories: string | null;
  choices: string | null;
  lists: string | null;
  assigned: string | null;
  accepts: string | null;
  statuses: string | null;
};

/**
 * Ordered by id in the statement: the fingerprints need an order that depends on the rows alone (an index
 * chosen by the planner would not), and the sort cost SQLite less than sorting the columns here.
 */
async function columnTexts(tx: Tx, cohortYear: number): Promise<ColumnTexts> {
  const result = await sql<ColumnTexts>`SELECT count(*) AS n,
      json_group_array(id) AS ids,
      json_group_array(coalesce(category, '')) AS categories,
      group_concat(choices_json, char(30)) AS choices,
      group_concat(CASE WHEN instr(choice_list_json, '"base":"') > 0 THEN choice_list_json ELSE '' END, char(30)) AS lists,
      json_group_array(assigned) AS assigned,
      json_group_array(accepts_adjustment) AS accepts,
      json_group_array(confirmation_status) AS statuses
    FROM (SELECT id, category, choices_json, choice_list_json, assigned_json IS NOT NULL AS assigned, accepts_adjustment,
      confirmation_status FROM applicants WHERE cohort_year = ${cohortYear} ORDER BY id)`.execute(tx);
  return result.rows[0]!;
}

const hashOf = (...texts: Array<string | null>) => {
  const h = createHash('sha256');
  for (const t of texts) h.update(t ?? '').update(SEPARATOR);
  return h.digest('hex').slice(0, 32);
};

/**
 * The roster groups' fingerprints: each applicant's category, choices (and choices at other bases) and
 * 服从调剂; and the 现场确认 status; each with the ids, in id order.
 */
function fingerprintsOf(t: ColumnTexts): ApplicantFingerprints {
  return {
    applicants: hashOf(String(t.n), t.ids, t.categories, t.choices, t.lists, t.accepts),
    confirmations: hashOf(String(t.n), t.ids, t.statuses),
  };
}

/** Today's roster fingerprints, as a run takes them (the columns read, not split). */
export async function rosterFingerprints(tx: Tx, cohortYear: number): Promise<ApplicantFingerprints> {
  return fingerprintsOf(await columnTexts(tx, cohortYear));
}

/** Positions of ids in order, or null when they are already (the usual case: only checked). */
function idOrder(ids: readonly string[]): number[] | null {
  for (let i = 1; i < ids.length; i++) {
    if (ids[i - 1]! >= ids[i]!) {
      const order = ids.map((_, k) => k);
      return order.sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0));
    }
  }
  return null;
}

/** One joined column's values, or null when a value holds the separator (the count then differs). */
function split(text: string | null, n: number): string[] | null {
  if (n === 0) return [];
  if (text === null) return null;
  const values = text.split(SEPARATOR);
  return values.length === n ? values : null;
}

/** One JSON column's values, or null when they are not n values of the type. */
function parsed<T extends string | number>(text: string | null, n: number, type: 'string' | 'number'): T[] | null {
  const values: unknown = JSON.parse(text ?? '[]');
  return Array.isArray(values) && values.length === n && values.every((v) => typeof v === type) ? (values as T[]) : null;
}

function splitColumns(t: ColumnTexts): RosterColumns | null {
  const ids = parsed<string>(t.ids, t.n, 'string');
  const categories = parsed<string>(t.categories, t.n, 'string');
  const choicesJson = split(t.choices, t.n);
  const choiceListJson = split(t.lists, t.n);
  const assigned = parsed<number>(t.assigned, t.n, 'number');
  const acceptsAdjustment = parsed<number>(t.accepts, t.n, 'number');
  const confirmationStatus = parsed<string>(t.statuses, t.n, 'string');
  if (
    ids === null ||
    categories === null ||
    choicesJson === null ||
    choiceListJson === null ||
    assigned === null ||
    acceptsAdjustment === null ||
    confirmationStatus === null
  ) {
    return null;
  }
  return { ids, categories, choicesJson, choiceListJson, assigned, acceptsAdjustment, confirmationStatus, order: idOrder(ids) };
}

export async function loadRoster(tx: Tx, cohortYear: number): Promise<Roster> {
  const t = await columnTexts(tx, cohortYear);
  const columns = splitColumns(t) ?? (await loadRosterRows(tx, cohortYear));
  return { ...columns, fingerprints: fingerprintsOf(t) };
}

type RosterTuple = [
  id: string,
  category: string | null,
  choicesJson: string,
  choiceListJson: string | null,
  assigned: number,
  acceptsAdjustment: number,
  confirmationStatus: string,
];

const ROSTER_TYPES: readonly ColumnType[] = ['string', 'string?', 'string', 'string?', 'number', 'number', 'string'];

/** The same columns from one JSON array of rows, for a roster whose choices hold the separator (or is damaged). */
async function loadRosterRows(tx: Tx, cohortYear: number): Promise<RosterColumns> {
  const result = await sql<{ rows: string }>`SELECT coalesce(json_group_array(json_array(id, category, choices_json,
      choice_list_json, assigned_json IS NOT NULL, accepts_adjustment, confirmation_status)), '[]') AS rows
    FROM applicants WHERE cohort_year = ${cohortYear}`.execute(tx);
  const rows = tuplesOf<RosterTuple>(result.rows[0]?.rows ?? '[]', ROSTER_TYPES);
  const ids = rows.map((r) => r[0]);
  return {
    ids,
    categories: rows.map((r) => r[1] ?? ''),
    choicesJson: rows.map((r) => r[2]),
    choiceListJson: rows.map((r) => (r[3] !== null && r[3].includes('"base":"') ? r[3] : '')),
    assigned: rows.map((r) => r[4]),
    acceptsAdjustment: rows.map((r) => r[5]),
    confirmationStatus: rows.map((r) => r[6]),
    order: idOrder(ids),
  };
}
