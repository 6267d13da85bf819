/**
 * The ranking per specialty (first choice), and per category when the preset splits quotas by category,
 * with the preset's tie-breaks via ./rules. A remaining tie is shown as a tie; a person may order the
 * candidates inside a tie, with a reason, and never across totals or tie-breaks.
 *
 * computeRanking reads and ranks everything once; the rows a screen shows are built from it afterwards
 * (rankedRowOf, unrankedRowOf), so one page of 50 never costs 20,000 row objects.
 */
import { sql } from 'kysely';
import type { RankConfirmation, RankedRow, RankingGroup, RankTieDecision } from '../../shared/contract/scores';
import type { AdmissionStaleness } from '../../shared/contract/admission';
import { maskIdNumber } from '../../shared/mask';
import type { Preset } from '../../shared/preset';
import { currentPreset, requireBase } from '../base/base';
import type { Tx } from '../context';
import { policyOptions } from '../admission/rules/policy';
import { choiceText, roundHere, storedChoiceList } from '../applicants/choice-list';
import { parseJsonAs, stringList } from '../util/json';
import {
  checkManualOrder,
  formatHundredths,
  groupKeyOf,
  makeRankKeyer,
  rankKeys,
  settledTies,
  type DecidedTie,
  type Rankable,
  type RankKey,
  type Tie,
} from './rules';
import type { RankingMemo } from './ranking-memo';
import { admissionStaleness, loadRankStatus, loadTieDecisions, type RankStatus } from './ranking-status';
import {
  componentsOf,
  evaluateTotals,
  loadAllPeople,
  loadPeople,
  loadScoreTable,
  type ScoreResults,
  type ScoreTable,
} from './results';

/** Status and total per applicant; the shown records are built for the rows sent (componentsOf). */
type Totals = Omit<ScoreResults, 'components'>;

export type RankingFilter = { cohortYear?: number | undefined; specialty?: string | undefined; category?: string | undefined };

/**
 * A ranked candidate: `i` is the applicant's index in the ScoreTable, where everything else about them is.
 * One small object per candidate: ranking 20,000 builds no other per-candidate object but its rank key.
 */
export type RankedEntry = { i: number; id: string; total: number; category: string | null; rank: number; tied: boolean };

type Settled = Map<string, { admitted: boolean; decision: RankTieDecision }>;

type Override = { manual_order: number; reason: string };

/** One ranked group: the order and ties as ranked, and who has no complete result (table indexes). */
export type ComputedGroup = {
  key: string;
  specialty: string;
  specialtyName: string;
  category: string | null;
  priorityCategory: string | null;
  ranked: RankedEntry[];
  ties: Tie[];
  settled: Settled;
  /** Indexes into the score table, ordered by masked ID number. */
  unranked: number[];
};

export type ComputedRanking = {
  cohortYear: number;
  tieBreaks: string[];
  table: ScoreTable;
  scores: Totals;
  status: RankStatus;
  /** Every group of the cohort, ordered by group key: the filter options a screen offers. */
  allGroups: Array<{ key: string; specialty: string; specialtyName: string; category: string | null }>;
  /** The groups the filter selects, ranked. */
  groups: ComputedGroup[];
  admission: AdmissionStaleness | null;
  manual: ReadonlyMap<string, Override>;
  places: ReadonlyMap<string, ChoicePlaces>;
  /** What was read to rank: another filter on the same database state ranks it again. */
  inputs: RankingInputs;
};

function firstChoice(choicesJson: string): string | null {
  return parseChoiceCodes(choicesJson)[0] ?? null;
}

/** applicants.choices_json: a list of specialty codes; anything else is a damaged row, named as such. */
function parseChoiceCodes(choicesJson: string): string[] {
  return parseJsonAs(stringList, choicesJson, 'applicants.choices_json');
}

/** firstChoice, parsing each distinct choices_json once: thousands of applicants share a few strings. */
export function firstChoiceMemo(): (choicesJson: string) => string | null {
  const memo = new Map<string, string | null>();
  return (choicesJson) => {
    let c = memo.get(choicesJson);
    if (c === undefined) memo.set(choicesJson, (c = firstChoice(choicesJson)));
    return c;
  };
}

/** The rank keys of one group's complete results, with the table index of each. */
type GroupKeys = { at: number[]; keys: RankKey[] };

type GroupRanking = { ranked: RankedEntry[]; ties: Tie[]; settled: Settled };

/**
 * Ranks one group; ties 择优录取 has decided are ordered as decided (who got the seat first), no longer
 * open. A manual order from ranking.reorder still orders candidates within each side of the decision.
 */
function rankGroup(ctx: Context, specialty: string, g: GroupKeys): GroupRanking {
  const first = rankKeys(g.keys);
  const none: GroupRanking = { ranked: entriesOf(ctx.t, g, first), ties: first.ties, settled: new Map() };
  if (ctx.decisions.length === 0 || first.ties.length === 0) return none;
  const byId = new Map(g.keys.map((k) => [k.id, k]));
  const settled = settledTies(specialty, first.ties, ctx.decisions, (id) => ctx.admissible(id, byId.get(id)!.total));
  if (settled.size === 0) return { ...none, settled };
  const keys = g.keys.map((k) => {
    const s = settled.get(k.id);
    // The key's manual is +Infinity exactly when no manual order is stored (stored ones are finite).
    const own = k.manual === Number.POSITIVE_INFINITY ? 999 : k.manual;
    return s === undefined ? k : { ...k, manual: (s.admitted ? 0 : 1000) + own };
  });
  const again = rankKeys(keys);
  return {
    ranked: entriesOf(ctx.t, { at: g.at, keys }, again),
    ties: again.ties.filter((t) => !t.ids.every((id) => settled.has(id))),
    settled,
  };
}

/** The group's candidates in ranked order, one entry each. */
function entriesOf(t: ScoreTable, g: GroupKeys, r: ReturnType<typeof rankKeys>): RankedEntry[] {
  const out = new Array<RankedEntry>(r.order.length);
  for (let p = 0; p < out.length; p++) {
    const n = r.order[p]!;
    const i = g.at[n]!;
    out[p] = { i, id: g.keys[n]!.id, total: g.keys[n]!.total, category: t.categories[i]!, rank: r.rank[p]!, tied: r.tied[p]! };
  }
  return out;
}

/**
 * The category the preset admits first at equal totals, per specialty code (Jilin 助理全科 单位人: “此类人员同等
 * 条件下优先录取”). Admission applies it; the ranking puts it before the other tie-breaks too, so both agree.
 */
function priorityBySpecialty(preset: Preset, names: ReadonlyMap<string, string>): Map<string, string> {
  return new Map((policyOptions(preset, names).priorities ?? []).map((p) => [p.specialty, p.category]));
}

function tieBreaksFor(tieBreaks: readonly string[], priority: string | undefined): readonly string[] {
  return priority === undefined ? tieBreaks : [`category:${priority}`, ...tieBreaks];
}

type ChoicePlaces = { round: number | null; others: string[] };

/**
 * Applicants with a choice naming another base: their round here and those other choices. Everyone else
 * ranked here belongs to round 1 (their first choice is this base's).
 */
async function choicePlaces(tx: Tx, cohortYear: number, names: ReadonlyMap<string, string>): Promise<Map<string, ChoicePlaces>> {
  const rows = await tx
    .selectFrom('applicants')
    .select(['id', 'choices_json', 'choice_list_json'])
    // A plain table scan (the unary +): through the (cohort_year, ...) index every row is a second seek,
    // and the LIKE reads every row of the cohort anyway.
    .where(sql<number>`+cohort_year`, '=', cohortYear)
    .where('choice_list_json', 'like', '%"base":"%')
    .execute();
  const out = new Map<string, ChoicePlaces>();
  for (const r of rows) {
    const list = storedChoiceList(parseChoiceCodes(r.choices_json), r.choice_list_json);
    if (list === null) continue;
    const others = list.filter((c) => c.base !== null).map((c) => choiceText(c, (code) => names.get(code) ?? code));
    out.set(r.id, { round: roundHere(list), others });
  }
  return out;
}

type GroupMembers = { specialty: string; category: string | null; members: number[] };

/** Applicants by ranking group: first choice, and category when the preset splits quotas by category. */
function groupMembers(t: ScoreTable, quotasByCategory: boolean): Map<string, GroupMembers> {
  const groups = new Map<string, GroupMembers>();
  const specialtyOf = firstChoiceMemo();
  for (let i = 0; i < t.ids.length; i++) {
    const sp = specialtyOf(t.choicesJson[i]!);
    if (sp === null) continue;
    const cat = quotasByCategory ? (t.categories[i] ?? '') : null;
    const key = groupKeyOf(sp, cat);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { specialty: sp, category: cat, members: [] }));
    g.members.push(i);
  }
  return groups;
}

/** The filter keeps a group by specialty, and by category: the group's own, or each member's when not split. */
function selectMembers(g: GroupMembers, t: ScoreTable, f: RankingFilter): number[] {
  if (f.specialty !== undefined && g.specialty !== f.specialty) return [];
  if (f.category === undefined || g.category === f.category) return g.members;
  return g.members.filter((i) => t.categories[i] === f.category);
}

type Context = {
  t: ScoreTable;
  r: Totals;
  keys: string[];
  manual: ReadonlyMap<string, Override>;
  tieBreaks: readonly string[];
  decisions: ReadonlyArray<DecidedTie<RankTieDecision>>;
  admissible: (id: string, total: number) => boolean;
};

function computeGroup(ctx: Context, key: string, g: GroupMembers, members: number[], priority: string | undefined) {
  const { t, r, manual } = ctx;
  const keyer = makeRankKeyer(tieBreaksFor(ctx.tieBreaks, priority));
  const rankable: GroupKeys = { at: [], keys: [] };
  const unranked: number[] = [];
  // One candidate and one score record reused for everyone: the keyer reads them and keeps nothing of them.
  // Only the components reach the ranking (never scores of former components), all numbers when complete.
  const comps: Record<string, number> = {};
  const c: Rankable = { id: '', total: 0, components: comps, category: null };
  for (const i of members) {
    const total = r.total[i]!;
    if (r.status[i] !== 'complete' || total === null) {
      unranked.push(i);
      continue;
    }
    c.id = t.ids[i]!;
    c.total = total;
    for (let k = 0; k < ctx.keys.length; k++) comps[ctx.keys[k]!] = t.values[k]![i] as number;
    c.category = t.categories[i]!;
    // Applicant ids are the applicants table's primary key: no candidate can appear twice here.
    const m = manual.size > 0 ? manual.get(`${key}\u0000${c.id}`)?.manual_order : undefined;
    checkManualOrder(c.id, m);
    rankable.at.push(i);
    rankable.keys.push(keyer(c, m));
  }
  return { ...rankGroup(ctx, g.specialty, rankable), unranked };
}

function unrankedOf(groups: readonly ComputedGroup[]): number[] {
  return groups.flatMap((g) => g.unranked);
}

/** Those without a complete result, by masked ID number (what the list shows). */
function sortUnranked(t: ScoreTable, unranked: number[]): void {
  // By ID number first, as the rows once came from the (cohort_year, id_number) index: candidates whose
  // masked numbers are equal keep the order they have always been shown in.
  const id = t.idNumbers;
  unranked.sort((x, y) => (id[x]! < id[y]! ? -1 : id[x]! > id[y]! ? 1 : x - y));
  const masked = new Map(unranked.map((i) => [i, maskIdNumber(id[i]!)]));
  unranked.sort((x, y) => (masked.get(x)! < masked.get(y)! ? -1 : 1));
}

/**
 * people: false reads names and ID numbers only for those without a complete result (their list is ordered
 * by ID number); the caller fills in the rest it shows with loadPeople. Ranking itself needs neither.
 * With a memo, a ranking computed on the same database state is reused (see ./ranking-memo), and another
 * filter ranks what was read for the first again: callers change nothing in what they get, but fill in
 * names and ID numbers (loadPeople), which are the database's.
 */
export async function computeRanking(tx: Tx, input: RankingFilter, people = true, memo?: RankingMemo): Promise<ComputedRanking> {
  const state = memo?.state() ?? null;
  if (memo === undefined || state === null) return rankSelected(tx, await loadRankingInputs(tx, input, people), input, people);
  const kept = memo.get(state, input);
  if (kept !== undefined) {
    if (people) await loadAllPeople(tx, kept.table, kept.cohortYear);
    return kept;
  }
  const inputs = memo.inputsFor(state, input) ?? (await loadRankingInputs(tx, input, people));
  const fresh = await rankSelected(tx, inputs, input, people);
  memo.put(state, input, fresh);
  return fresh;
}

/** Everything ranking reads for a cohort, whatever the filter. */
export type RankingInputs = {
  cohortYear: number;
  preset: Preset;
  table: ScoreTable;
  scores: Totals;
  status: RankStatus;
  manual: ReadonlyMap<string, Override>;
  decisions: ReadonlyArray<DecidedTie<RankTieDecision>>;
  priorities: ReadonlyMap<string, string>;
  members: ReadonlyMap<string, GroupMembers>;
  allGroups: ComputedRanking['allGroups'];
  admission: AdmissionStaleness | null;
  places: ReadonlyMap<string, ChoicePlaces>;
};

async function loadRankingInputs(tx: Tx, input: RankingFilter, people: boolean): Promise<RankingInputs> {
  const cohortYear = input.cohortYear ?? (await requireBase(tx)).cohort_year;
  const preset = await currentPreset(tx);
  // Ranking needs no order from the read: straight through the table is the cheaper one.
  const table = await loadScoreTable(tx, cohortYear, { order: 'stored', people });
  const names = new Map((await tx.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.code, s.name]));
  const overrides = await tx
    .selectFrom('ranking_overrides')
    .select(['group_key', 'applicant_id', 'manual_order', 'reason'])
    .where('cohort_year', '=', cohortYear)
    .execute();
  const members = groupMembers(table, preset.quotasByCategory);
  return {
    cohortYear,
    preset,
    table,
    scores: evaluateTotals(table),
    status: await loadRankStatus(tx, cohortYear, preset),
    manual: new Map(overrides.map((o) => [`${o.group_key}\u0000${o.applicant_id}`, o])),
    decisions: await loadTieDecisions(tx, cohortYear),
    priorities: priorityBySpecialty(preset, names),
    members,
    allGroups: [...members.keys()].sort().map((key) => {
      const g = members.get(key)!;
      return { key, specialty: g.specialty, specialtyName: names.get(g.specialty) ?? g.specialty, category: g.category };
    }),
    admission: await admissionStaleness(tx, cohortYear),
    places: await choicePlaces(tx, cohortYear, names),
  };
}

/** Ranks the groups the filter selects (people as for computeRanking). */
async function rankSelected(tx: Tx, inputs: RankingInputs, input: RankingFilter, people: boolean): Promise<ComputedRanking> {
  const { table: t, status, preset } = inputs;
  if (people) await loadAllPeople(tx, t, inputs.cohortYear);
  const ctx: Context = {
    t,
    r: inputs.scores,
    keys: t.components.map((c) => c.key),
    manual: inputs.manual,
    tieBreaks: preset.exam.tieBreaks,
    decisions: inputs.decisions,
    admissible: (id, total) => status.notAdmissible(id, total) === null,
  };
  const groups: ComputedGroup[] = [];
  for (const head of inputs.allGroups) {
    const g = inputs.members.get(head.key)!;
    const selected = selectMembers(g, t, input);
    if (selected.length === 0) continue;
    const priority = inputs.priorities.get(g.specialty);
    groups.push({ ...head, priorityCategory: priority ?? null, ...computeGroup(ctx, head.key, g, selected, priority) });
  }
  if (!people) await loadPeople(tx, t, unrankedOf(groups));
  for (const g of groups) sortUnranked(t, g.unranked);
  return {
    cohortYear: inputs.cohortYear,
    tieBreaks: preset.exam.tieBreaks,
    table: t,
    scores: inputs.scores,
    status,
    allGroups: inputs.allGroups,
    groups,
    admission: inputs.admission,
    manual: inputs.manual,
    places: inputs.places,
    inputs,
  };
}

/** One ranked candidate as the ranking shows them. */
export function rankedRowOf(v: ComputedRanking, g: ComputedGroup, c: RankedEntry): RankedRow {
  const t = v.table;
  const m = v.manual.size > 0 ? v.manual.get(`${g.key}\u0000${c.id}`) : undefined;
  const s = g.settled.get(c.id);
  const why = v.status.notAdmissible(c.id, c.total);
  const place = v.places.get(c.id);
  return {
    rank: c.rank,
    tied: c.tied && s === undefined,
    applicantId: c.id,
    name: t.names[c.i]!,
    idMasked: maskIdNumber(t.idNumbers[c.i]!),
    category: c.category,
    total: c.total,
    totalDisplay: formatHundredths(c.total),
    components: componentsOf(t, c.i),
    manualOrder: m?.manual_order ?? null,
    manualReason: m?.reason ?? null,
    confirmation: v.status.confirmation(c.id),
    admissible: why === null,
    notAdmissible: why,
    tieDecision: s === undefined ? null : { ...s.decision, admitted: s.admitted },
    round: place?.round ?? 1,
    otherChoices: place?.others ?? [],
  };
}

export type UnrankedRow = RankingGroup['unranked'][number];

/** One candidate of a group without a complete result. */
export function unrankedRowOf(v: ComputedRanking, i: number): UnrankedRow {
  const t = v.table;
  const confirmation: RankConfirmation = v.status.confirmation(t.ids[i]!);
  return {
    applicantId: t.ids[i]!,
    name: t.names[i]!,
    idMasked: maskIdNumber(t.idNumbers[i]!),
    status: v.scores.status[i] === 'absent' ? 'absent' : 'incomplete',
    confirmation,
  };
}

/** A group's head as both views show it. */
export function groupHead(
  g: ComputedGroup,
): Pick<RankingGroup, 'groupKey' | 'specialty' | 'specialtyName' | 'category' | 'priorityCategory'> {
  return {
    groupKey: g.key,
    specialty: g.specialty,
    specialtyName: g.specialtyName,
    category: g.category,
    priorityCategory: g.priorityCategory,
  };
}
