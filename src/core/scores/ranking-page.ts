/**
 * The 成绩排名 screen's data: every selected group ranked whole (a rank depends on everyone in the group),
 * but rows built only for the page of each group the screen shows, so 20,000 candidates send one page per
 * group instead of the whole ranking. Names and ID numbers are read only for the candidates sent (and
 * everyone in an open tie), except for a search, which looks at everyone's. Search and filters leave ranks
 * as they are: a found candidate keeps the rank and tie they have in the full ranking.
 */
import { sql } from 'kysely';
import type { RankingLine, RankingPageGroup, RankingPageView } from '../../shared/contract/scores';
import type { Tx } from '../context';
import type { RankingMemo } from './ranking-memo';
import { loadPeople } from './results';
import { queryMatcher } from './rules/result-query';
import {
  computeRanking,
  groupHead,
  rankedRowOf,
  unrankedRowOf,
  type ComputedGroup,
  type ComputedRanking,
} from './ranking-compute';

/** Lines per group page when the caller names none: one group gets a longer page, several stay short each. */
const PAGE_ONE = 50;
const PAGE_MANY = 20;

export type RankingPageInput = {
  cohortYear?: number | undefined;
  specialty?: string | undefined;
  category?: string | undefined;
  query?: string | undefined;
  onlyAdmissible: boolean;
  pageSize?: number | undefined;
  pages: Record<string, number>;
};

/** A line before its row is built: a ranked candidate's place in the group's order, or a table index. */
type Pending = { kind: 'ranked'; at: number } | { kind: 'unranked'; i: number };

/** With a memo, the ranking of an unchanged database is reused (see ./ranking-memo): turning a page reads little. */
export async function rankingPage(tx: Tx, input: RankingPageInput, memo?: RankingMemo): Promise<RankingPageView> {
  const searching = input.query !== undefined && input.query.trim() !== '';
  // A search looks at everyone's name and ID number; otherwise only the lines sent need them.
  const v = await computeRanking(tx, input, searching, memo);
  const matches = searching ? await searchFor(tx, v, input.query!) : null;
  const selected = v.groups.map((g) => ({ g, lines: pendingLines(v, g, input.onlyAdmissible, matches) }));
  // A search shows only the groups it finds someone in; without one every selected group stays, even empty.
  const shown = matches === null ? selected : selected.filter((x) => x.lines.length > 0);
  const pageSize = input.pageSize ?? (shown.length === 1 ? PAGE_ONE : PAGE_MANY);
  const paged = shown.map(({ g, lines }) => ({ g, lines: pageLines(lines, pageSize, input.pages[g.key] ?? 1) }));
  await loadPeople(tx, v.table, peopleShown(paged));
  return {
    cohortYear: v.cohortYear,
    tieBreaks: v.tieBreaks,
    specialties: [...new Map(v.allGroups.map((g) => [g.specialty, g.specialtyName])).entries()].map(([code, name]) => ({
      code,
      name,
    })),
    categories: [...new Set(v.allGroups.map((g) => g.category).filter((c): c is string => c !== null))],
    groups: paged.map(({ g, lines }) => pageOf(v, g, lines)),
    admission: v.admission,
  };
}

/** Whom a search finds, by score-table index. */
async function searchFor(tx: Tx, v: ComputedRanking, query: string): Promise<(i: number) => boolean> {
  const matcher = queryMatcher(query);
  const t = v.table;
  // Pinyin initials are read only for a search: the ranking itself never needs them.
  const initials = await initialsOf(tx, v.cohortYear);
  return (i) => matcher({ name: t.names[i]!, initials: initials.get(t.ids[i]!) ?? '', idNumber: t.idNumbers[i]! });
}

/** Pinyin initials by applicant id, as two JSON arrays in one result row (cheaper than one object per row). */
async function initialsOf(tx: Tx, year: number): Promise<Map<string, string>> {
  const r = await sql<{ ids: string; initials: string }>`
    SELECT json_group_array(id) AS ids, json_group_array(coalesce(name_initials, '')) AS initials
    FROM applicants WHERE cohort_year = ${year}`.execute(tx);
  const ids = JSON.parse(r.rows[0]!.ids) as string[];
  const initials = JSON.parse(r.rows[0]!.initials) as string[];
  return new Map(ids.map((id, k) => [id, initials[k]!]));
}

/** The group's lines in screen order (ranked, then those without a complete result), before any row is built. */
function pendingLines(
  v: ComputedRanking,
  g: ComputedGroup,
  onlyAdmissible: boolean,
  matches: ((i: number) => boolean) | null,
): Pending[] {
  const out: Pending[] = [];
  for (let at = 0; at < g.ranked.length; at++) {
    const c = g.ranked[at]!;
    if (onlyAdmissible && v.status.notAdmissible(c.id, c.total) !== null) continue;
    if (matches !== null && !matches(c.i)) continue;
    out.push({ kind: 'ranked', at });
  }
  if (onlyAdmissible) return out;
  for (const i of g.unranked) if (matches === null || matches(i)) out.push({ kind: 'unranked', i });
  return out;
}

type PageLines = { all: number; page: number; pageSize: number; shown: Pending[] };

/** The asked page of a group's lines (the last one when asked past it). */
function pageLines(lines: Pending[], pageSize: number, asked: number): PageLines {
  const pages = Math.max(1, Math.ceil(lines.length / pageSize));
  const page = Math.min(asked, pages);
  return { all: lines.length, page, pageSize, shown: lines.slice((page - 1) * pageSize, page * pageSize) };
}

/** Whose names and ID numbers the answer holds: the lines sent, and everyone in an open tie (the dialog). */
function peopleShown(paged: ReadonlyArray<{ g: ComputedGroup; lines: PageLines }>): number[] {
  return paged.flatMap(({ g, lines }) => [...lines.shown.map((l) => indexOf(g, l)), ...tiedIndexes(g)]);
}

/** A line's score-table index. */
function indexOf(g: ComputedGroup, l: Pending): number {
  return l.kind === 'ranked' ? g.ranked[l.at]!.i : l.i;
}

/** Score-table indexes of everyone in an open tie of the group. */
function tiedIndexes(g: ComputedGroup): number[] {
  if (g.ties.length === 0) return [];
  const out: number[] = [];
  for (const c of g.ranked) if (c.tied) out.push(c.i);
  return out;
}

function pageOf(v: ComputedRanking, g: ComputedGroup, lines: PageLines): RankingPageGroup {
  return {
    ...groupHead(g),
    ties: tiesWithNames(v, g),
    total: lines.all,
    page: lines.page,
    pageSize: lines.pageSize,
    lines: lines.shown.map((l): RankingLine =>
      l.kind === 'ranked'
        ? { kind: 'ranked', row: rankedRowOf(v, g, g.ranked[l.at]!) }
        : { kind: 'unranked', row: unrankedRowOf(v, l.i) },
    ),
  };
}

/** Every open tie of the group with its members' names: the decision dialog lists them wherever they are paged. */
function tiesWithNames(v: ComputedRanking, g: ComputedGroup): RankingPageGroup['ties'] {
  if (g.ties.length === 0) return [];
  // Only tied candidates are named: a map of the whole group would cost an entry per candidate.
  const index = new Map<string, number>();
  for (const c of g.ranked) if (c.tied) index.set(c.id, c.i);
  return g.ties.map((t) => ({
    rank: t.rank,
    candidates: t.ids.map((id) => ({ applicantId: id, name: v.table.names[index.get(id)!] ?? id })),
  }));
}
