/**
 * The examination results admission reads: one entry per applicant of the cohort, raw component
 * scores in hundredths, and the weighted total rounded half-up to hundredths once every component is in.
 */
import { computeTotal, type Component } from './rules';
import { sql } from 'kysely';
import type { Tx } from '../context';
import { loadComponents } from './components';

export type CandidateResult = {
  applicantId: string;
  /** Raw hundredths per component key; 'absent' = 缺考; null = no score yet. */
  components: Record<string, number | 'absent' | null>;
  /** Hundredths, rounded half-up; null unless every component has a score. */
  total: number | null;
  status: 'complete' | 'absent' | 'incomplete';
};

export async function loadResults(tx: Tx, cohortYear: number): Promise<Map<string, CandidateResult>> {
  const table = await loadScoreTable(tx, cohortYear);
  const r = evaluateScores(table);
  const out = new Map<string, CandidateResult>();
  for (let i = 0; i < table.ids.length; i++) {
    out.set(table.ids[i]!, {
      applicantId: table.ids[i]!,
      components: r.components[i]!,
      total: r.total[i]!,
      status: r.status[i]!,
    });
  }
  return out;
}

/**
 * The cohort's applicants with their scores, column by column: entry i of every array is the same
 * applicant, in the order SQLite returns them (no meaningful order).
 */
export type ScoreTable = {
  components: Component[];
  ids: string[];
  /** Complete unless read with people: false; then only what loadPeople filled in. */
  names: string[];
  idNumbers: string[];
  categories: Array<string | null>;
  choicesJson: string[];
  /** values[k][i]: applicant i's score for components[k]: hundredths, 'absent', or null (no score). */
  values: Array<Array<number | 'absent' | null>>;
  /** Scores stored for keys that are no longer components, by applicant index (shown, never counted). */
  extras: Map<number, Record<string, number | 'absent'>>;
};

/** How to read a ScoreTable; the defaults are what every list of results needs. */
export type ReadOptions = {
  /**
   * 'idNumber' (default): by ID number, as the (cohort_year, id_number) index hands the rows out. 'stored':
   * straight through the table in the order rows are stored. ID numbers are random against where rows
   * are stored, so in ID-number order every score lookup lands elsewhere in the file: for 20,000 applicants
   * with generated ID numbers 'stored' took about 0.7x the CPU time (measured side by side); when ID numbers
   * happen to follow storage order the two cost the same.
   */
  order?: 'idNumber' | 'stored';
  /**
   * false: leave names and ID numbers unread (holes), for a caller that needs them for a few applicants
   * only and fills those with loadPeople. Those two strings per applicant were about a quarter of the read.
   */
  people?: boolean;
  /** true: every text column read as JSON, the way a value holding the separator is read (see SEP). */
  asJson?: boolean;
};

/**
 * Separates the values of a NOT NULL text column aggregated with group_concat (the unit separator, which
 * no name, ID number, id or choice list holds; one that does is caught by the count, see splitColumn).
 */
const SEP = '\u001f';

/**
 * A NOT NULL text column of n rows, joined with SEP: n values when none holds SEP, else null (read the
 * table again as JSON). group_concat skips only NULLs, so n parts always means one per row, in row order.
 */
function splitColumn(joined: string | number | null | undefined, n: number): string[] | null {
  if (n === 0) return [];
  const parts = typeof joined === 'string' ? joined.split(SEP) : [];
  return parts.length === n ? parts : null;
}

/**
 * One statement, one result row: SQLite aggregates every column into one string, parsed with one
 * JSON.parse or split each. For 20,000 applicants that costs about half of reading 20,000 row objects (V8
 * builds strings from JSON far faster than the driver builds them one by one), and it still runs through
 * Kysely on `tx`, so it reads inside the caller's transaction like any other query. Scores are integers
 * (INTEGER affinity), which JSON carries exactly. The NOT NULL text columns (id, name, ID number, choice list)
 * come joined by a separator instead of as JSON: SQLite escapes nothing and String.split beats JSON.parse,
 * about 3 ms less per column for 20,000 applicants (measured side by side); should a value ever hold the
 * separator, the table is read again all as JSON.
 */
export async function loadScoreTable(tx: Tx, cohortYear: number, opts: ReadOptions = {}): Promise<ScoreTable> {
  const { components } = await loadComponents(tx, cohortYear);
  const people = opts.people ?? true;
  const asJson = opts.asJson ?? false;
  const text = (col: string, as: string) =>
    asJson
      ? sql`json_group_array(${sql.ref(col)}) AS ${sql.ref(as)}`
      : sql`group_concat(${sql.ref(col)}, char(31)) AS ${sql.ref(as)}`;
  // One indexed lookup per applicant and component; the primary key (applicant_id, component) means a LEFT
  // JOIN never repeats an applicant, and it is ~10% cheaper than the same lookup as a correlated subquery.
  // component_scores_read holds every column read here: one seek per lookup instead of index then row.
  const s = components.map((_c, k) => sql.ref(`s${k}`));
  const joins = components.map(
    (c, k) =>
      sql`LEFT JOIN component_scores ${s[k]} INDEXED BY component_scores_read ON ${s[k]}.applicant_id = a.id AND ${s[k]}.component = ${c.key}`,
  );
  // -1 marks 缺考.
  const cols = components.map(
    (_c, k) => sql`, json_group_array(CASE WHEN ${s[k]}.absent = 1 THEN -1 ELSE ${s[k]}.value END) AS ${sql.ref(`v${k}`)}`,
  );
  // Scores of this cohort the joins found, against all stored for it (index-only count): equal means no
  // score of a former component exists, and the query for them can be skipped.
  const found = components.map((_c, k) => sql`count(CASE WHEN ${s[k]}.cohort_year = ${cohortYear} THEN 1 END)`);
  const personCols = people ? sql`${text('a.name', 'names')}, ${text('a.id_number', 'id_numbers')},` : sql``;
  // The unary + keeps SQLite from reading through a (cohort_year, ...) index: a plain table scan.
  const cohort = opts.order === 'stored' ? sql`+a.cohort_year` : sql`a.cohort_year`;
  const result = await sql<Record<string, string | number>>`
    SELECT count(*) AS n, ${text('a.id', 'ids')}, ${personCols}
      json_group_array(a.category) AS categories, ${text('a.choices_json', 'choices')} ${sql.join(cols, sql``)},
      ${found.length > 0 ? sql.join(found, sql` + `) : sql`0`} AS found,
      (SELECT count(*) FROM component_scores WHERE cohort_year = ${cohortYear}) AS stored
    FROM applicants a ${sql.join(joins, sql` `)}
    WHERE ${cohort} = ${cohortYear}`.execute(tx);
  const r = result.rows[0]!;
  const values = components.map((_c, k) => {
    const col = JSON.parse(r[`v${k}`] as string) as Array<number | 'absent' | null>;
    for (let i = 0; i < col.length; i++) if (col[i] === -1) col[i] = 'absent';
    return col;
  });
  const n = r.n as number;
  const textColumn = (as: string): string[] | null =>
    asJson ? (JSON.parse(r[as] as string) as string[]) : splitColumn(r[as], n);
  const ids = textColumn('ids');
  const names = people ? textColumn('names') : new Array<string>(n);
  const idNumbers = people ? textColumn('id_numbers') : new Array<string>(n);
  const choicesJson = textColumn('choices');
  if (ids === null || names === null || idNumbers === null || choicesJson === null) {
    return loadScoreTable(tx, cohortYear, { ...opts, asJson: true });
  }
  const table: ScoreTable = {
    components,
    ids,
    names,
    idNumbers,
    categories: JSON.parse(r.categories as string) as Array<string | null>,
    choicesJson,
    values,
    extras: new Map(),
  };
  if (r.stored === r.found) return table;
  const extra = await tx
    .selectFrom('component_scores')
    .select(['applicant_id', 'component', 'value', 'absent'])
    .where('cohort_year', '=', cohortYear)
    .where(
      'component',
      'not in',
      components.map((c) => c.key),
    )
    .execute();
  if (extra.length > 0) {
    const index = new Map(table.ids.map((id, i) => [id, i]));
    for (const e of extra) {
      const i = index.get(e.applicant_id);
      if (i === undefined) continue;
      let rec = table.extras.get(i);
      if (rec === undefined) table.extras.set(i, (rec = {}));
      rec[e.component] = e.absent ? 'absent' : (e.value ?? 0);
    }
  }
  return table;
}

/**
 * Fills the names and ID numbers of these applicants (table indexes) into a table read with people: false.
 * One statement for all of them, by primary key.
 */
export async function loadPeople(tx: Tx, t: ScoreTable, indexes: Iterable<number>): Promise<void> {
  const want = new Map<string, number>();
  for (const i of indexes) if (t.names[i] === undefined) want.set(t.ids[i]!, i);
  if (want.size === 0) return;
  const r = await sql<{ ids: string; names: string; id_numbers: string }>`
    SELECT json_group_array(id) AS ids, json_group_array(name) AS names, json_group_array(id_number) AS id_numbers
    FROM applicants WHERE id IN (SELECT value FROM json_each(${JSON.stringify([...want.keys()])}))`.execute(tx);
  const row = r.rows[0]!;
  const ids = JSON.parse(row.ids) as string[];
  const names = JSON.parse(row.names) as string[];
  const idNumbers = JSON.parse(row.id_numbers) as string[];
  for (let k = 0; k < ids.length; k++) {
    const i = want.get(ids[k]!)!;
    t.names[i] = names[k]!;
    t.idNumbers[i] = idNumbers[k]!;
  }
}

/**
 * Fills the names and ID numbers of everyone in a table read with people: false: one pass over the cohort
 * (about a third of loadPeople's time for 20,000 applicants, which looks each up by id). It goes straight
 * through the table as the 'stored' read does, so in the same database state the rows come in the table's
 * order; a table read otherwise (or in another state) is matched by id.
 */
export async function loadAllPeople(tx: Tx, t: ScoreTable, cohortYear: number): Promise<void> {
  if (t.ids.every((_id, i) => t.names[i] !== undefined)) return;
  const r = await sql<Record<string, string | number>>`
    SELECT count(*) AS n, group_concat(id, char(31)) AS ids, group_concat(name, char(31)) AS names,
      group_concat(id_number, char(31)) AS id_numbers
    FROM applicants WHERE +cohort_year = ${cohortYear}`.execute(tx);
  const row = r.rows[0]!;
  const n = row.n as number;
  const [ids, names, idNumbers] = [splitColumn(row.ids, n), splitColumn(row.names, n), splitColumn(row.id_numbers, n)];
  const inOrder = ids !== null && ids.length === t.ids.length && ids.every((id, k) => id === t.ids[k]);
  if (!inOrder || names === null || idNumbers === null) return loadPeople(tx, t, t.ids.keys());
  for (let i = 0; i < n; i++) {
    t.names[i] = names[i]!;
    t.idNumbers[i] = idNumbers[i]!;
  }
}

/** Per applicant of a ScoreTable (same index): what is shown, the status and the total. */
export type ScoreResults = {
  components: Array<CandidateResult['components']>;
  status: Array<CandidateResult['status']>;
  total: Array<number | null>;
};

export function evaluateScores(t: ScoreTable): ScoreResults {
  const { status, total } = evaluateTotals(t);
  const components = new Array<CandidateResult['components']>(t.ids.length);
  for (let i = 0; i < components.length; i++) components[i] = componentsOf(t, i);
  return { components, status, total };
}

/**
 * evaluateScores without the shown records: what ranking needs for everyone, while a screen shows a page
 * (componentsOf builds the record of those it shows).
 */
export function evaluateTotals(t: ScoreTable): Omit<ScoreResults, 'components'> {
  const { components, values } = t;
  const total = totalFunction(components);
  const maxH = components.map((c) => Math.round(c.max * 100));
  const n = t.ids.length;
  const out: Omit<ScoreResults, 'components'> = { status: new Array(n), total: new Array(n) };
  const scratch = new Array<number>(components.length);
  for (let i = 0; i < n; i++) {
    let status: CandidateResult['status'] = 'complete';
    for (let k = 0; k < components.length; k++) {
      const v = values[k]![i]!;
      if (v === 'absent') status = 'absent';
      // A stored score above a since-lowered maximum is not silently clipped: it counts as missing.
      else if (v === null || v > maxH[k]!) {
        if (status !== 'absent') status = 'incomplete';
      } else scratch[k] = v;
    }
    out.status[i] = status;
    out.total[i] = status === 'complete' ? total(scratch) : null;
  }
  return out;
}

/** Applicant i's shown record: each component's score, then scores of former components. */
export function componentsOf(t: ScoreTable, i: number): CandidateResult['components'] {
  const comps: CandidateResult['components'] = {};
  for (let k = 0; k < t.components.length; k++) comps[t.components[k]!.key] = t.values[k]![i]!;
  const extra = t.extras.get(i);
  if (extra !== undefined) for (const [k, v] of Object.entries(extra)) comps[k] = v;
  return comps;
}

/**
 * total (hundredths) = Σ weight × raw / max, rounded half-up: the same figure as scoring's computeTotal.
 * With weights and maxima of at most two decimals it is Σ W·v / M over integers (W, M in hundredths), so
 * when every intermediate fits in a double's exact integer range we sum over the common denominator with
 * plain integers (20,000 candidates in a few ms); otherwise we use computeTotal's BigInt rationals.
 */
export function totalFunction(components: readonly Component[]): (values: readonly number[]) => number {
  const W = components.map((c) => Math.round(c.weight * 100));
  const M = components.map((c) => Math.round(c.max * 100));
  const twoDecimals = components.every((c, i) => Math.abs(W[i]! - c.weight * 100) < 1e-9 && Math.abs(M[i]! - c.max * 100) < 1e-9);
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const L = M.reduce((l, m) => (l / gcd(l, m)) * m, 1);
  const factor = W.map((w, i) => w * (L / M[i]!));
  const bound = factor.reduce((s, f, i) => s + f * M[i]!, 0) * 2 + L;
  if (!twoDecimals || !Number.isSafeInteger(bound) || !Number.isSafeInteger(2 * L)) {
    return (values) => {
      const raw: Record<string, number> = {};
      components.forEach((c, i) => (raw[c.key] = values[i]!));
      const t = computeTotal(components, raw);
      if (t.status !== 'ok') throw new Error('totalFunction: incomplete values');
      return t.total;
    };
  }
  return (values) => {
    let n = 0;
    for (let i = 0; i < factor.length; i++) n += factor[i]! * values[i]!;
    const x = 2 * n + L;
    return (x - (x % (2 * L))) / (2 * L);
  };
}
