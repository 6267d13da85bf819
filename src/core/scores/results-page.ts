/**
 * The 考核成绩 screen's data: one page of the cohort's results, found, filtered and sorted in the core, with
 * the count of matches, so a screen for 10,000 candidates receives 50 rows instead of all of them.
 */
import type { ResultConfirmation, ResultPage, ResultPageRow } from '../../shared/contract/scores';
import { sql } from 'kysely';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { requireBase } from '../base/base';
import type { Tx } from '../context';
import { formatHundredths } from './rules';
import { filterResults, sortResults, type ResultFilter, type ResultQueryRow, type ResultSort } from './rules/result-query';
import { evaluateScores, loadScoreTable, type ScoreResults, type ScoreTable } from './results';

export type ResultPageInput = ResultFilter &
  ResultSort & {
    cohortYear?: number | undefined;
    limit: number;
    offset: number;
  };

export async function resultPage(tx: Tx, input: ResultPageInput): Promise<ResultPage> {
  const year = input.cohortYear ?? (await requireBase(tx)).cohort_year;
  const table = await loadScoreTable(tx, year);
  checkSort(input.sort, table);
  const scores = evaluateScores(table);
  const rows = await queryRows(tx, year, table, scores);
  const matching = sortResults(rows, filterResults(rows, input), input);
  const page = matching.slice(input.offset, input.offset + input.limit);
  return {
    rows: page.map((i) => pageRow(table, scores, rows[i]!, i)),
    total: matching.length,
    cohortTotal: rows.length,
    offset: input.offset,
    limit: input.limit,
  };
}

function checkSort(sort: string, table: ScoreTable): void {
  if (!sort.startsWith('component:')) return;
  const key = sort.slice('component:'.length);
  if (!table.components.some((c) => c.key === key)) {
    throw new AppError('SCORES_SORT_UNKNOWN', `没有名为「${key}」的考核项目，无法按它排序：请刷新页面后重试。`);
  }
}

/** What the filters and the sort need per applicant, beside the score table (same index). */
async function queryRows(tx: Tx, year: number, t: ScoreTable, r: ScoreResults): Promise<ResultQueryRow[]> {
  const extra = await applicantExtras(tx, year);
  const names = new Map((await tx.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.code, s.name]));
  const firstChoice = firstChoiceMemo();
  return t.ids.map((id, i) => {
    const e = extra.get(id);
    const specialty = firstChoice(t.choicesJson[i]!);
    return {
      name: t.names[i]!,
      initials: e?.initials ?? '',
      idNumber: t.idNumbers[i]!,
      specialty,
      specialtyName: specialty === null ? null : (names.get(specialty) ?? null),
      confirmation: e?.confirmation ?? 'pending',
      status: r.status[i]!,
      total: r.total[i]!,
      components: r.components[i]!,
    };
  });
}

/**
 * Pinyin initials and confirmation status by applicant id, read as three JSON arrays in one result row (as
 * loadScoreTable does): for 10,000 applicants that is several times cheaper than 10,000 row objects.
 */
async function applicantExtras(tx: Tx, year: number): Promise<Map<string, { initials: string; confirmation: string }>> {
  const r = await sql<{ ids: string; initials: string; statuses: string }>`
    SELECT json_group_array(id) AS ids, json_group_array(name_initials) AS initials,
      json_group_array(confirmation_status) AS statuses
    FROM applicants WHERE cohort_year = ${year}`.execute(tx);
  const row = r.rows[0]!;
  const ids = JSON.parse(row.ids) as string[];
  const initials = JSON.parse(row.initials) as string[];
  const statuses = JSON.parse(row.statuses) as string[];
  const out = new Map<string, { initials: string; confirmation: string }>();
  for (let i = 0; i < ids.length; i++) out.set(ids[i]!, { initials: initials[i]!, confirmation: statuses[i]! });
  return out;
}

/** The first choice, parsing each distinct choices_json once: thousands of applicants share a few strings. */
function firstChoiceMemo(): (choicesJson: string) => string | null {
  const memo = new Map<string, string | null>();
  return (json) => {
    let c = memo.get(json);
    if (c === undefined) memo.set(json, (c = (JSON.parse(json) as string[])[0] ?? null));
    return c;
  };
}

function pageRow(t: ScoreTable, r: ScoreResults, q: ResultQueryRow, i: number): ResultPageRow {
  const total = r.total[i]!;
  return {
    applicantId: t.ids[i]!,
    name: q.name,
    idMasked: maskIdNumber(q.idNumber),
    specialty: q.specialty,
    specialtyName: q.specialtyName,
    category: t.categories[i]!,
    components: q.components,
    total,
    totalDisplay: total === null ? null : formatHundredths(total),
    status: q.status,
    confirmation: q.confirmation as ResultConfirmation,
  };
}
