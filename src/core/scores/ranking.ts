/**
 * Ranking per specialty (first choice), and per category when the preset splits quotas by category, with
 * the preset's tie-breaks via ./rules. A remaining tie is shown as a tie; a person may order the
 * candidates inside a tie, with a reason, and never across totals or tie-breaks.
 */
import type { RankingGroup, RankingView, RankTieDecision, ResultRow } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import {
  formatHundredths,
  groupKeyOf,
  rankCandidates,
  settledTies,
  type DecidedTie,
  type RankCandidate,
  type RankResult,
} from './rules';
import { isoNow } from '../util/clock';
import { parseJsonAs, stringList } from '../util/json';
import { admissionStaleness, loadRankStatus, loadTieDecisions } from './ranking-status';
import { evaluateScores, loadScoreTable, type ScoreTable } from './results';
import { policyOptions } from '../admission/rules/policy';
import { choiceText, roundHere, storedChoiceList } from '../applicants/choice-list';
import type { ApplicantChoice } from '../../shared/contract/applicants';
import type { Preset } from '../../shared/preset';

export async function resultRows(tx: Tx, cohortYear?: number): Promise<ResultRow[]> {
  const year = cohortYear ?? (await requireBase(tx)).cohort_year;
  const t = await loadScoreTable(tx, year);
  const r = evaluateScores(t);
  const specialtyOf = firstChoiceMemo();
  const order = t.ids.map((_id, i) => i);
  order.sort((x, y) => (t.idNumbers[x]! < t.idNumbers[y]! ? -1 : 1));
  return order.map((i) => {
    const total = r.total[i]!;
    return {
      applicantId: t.ids[i]!,
      name: t.names[i]!,
      idMasked: maskIdNumber(t.idNumbers[i]!),
      specialty: specialtyOf(t.choicesJson[i]!),
      category: t.categories[i]!,
      components: r.components[i]!,
      total,
      totalDisplay: total === null ? null : formatHundredths(total),
      status: r.status[i]!,
    };
  });
}

function firstChoice(choicesJson: string): string | null {
  return parseChoiceCodes(choicesJson)[0] ?? null;
}

/** applicants.choices_json: a list of specialty codes; anything else is a damaged row, named as such. */
function parseChoiceCodes(choicesJson: string): string[] {
  return parseJsonAs(stringList, choicesJson, 'applicants.choices_json');
}

/** firstChoice, parsing each distinct choices_json once: thousands of applicants share a few strings. */
function firstChoiceMemo(): (choicesJson: string) => string | null {
  const memo = new Map<string, string | null>();
  return (choicesJson) => {
    let c = memo.get(choicesJson);
    if (c === undefined) memo.set(choicesJson, (c = firstChoice(choicesJson)));
    return c;
  };
}

/** What rankCandidates gets: `i` is the applicant's index in the ScoreTable. */
type Candidate = RankCandidate & { i: number };

type Settled = Map<string, { admitted: boolean; decision: RankTieDecision }>;

/**
 * Ranks one group; ties 择优录取 has decided are ordered as decided (who got the seat first), no longer
 * open. A manual order from ranking.reorder still orders candidates within each side of the decision.
 */
function rankGroup(
  specialty: string,
  rankable: Candidate[],
  tieBreaks: readonly string[],
  decisions: ReadonlyArray<DecidedTie<RankTieDecision>>,
  admissible: (c: Candidate) => boolean,
): { ranked: RankResult<Candidate>; settled: Settled } {
  const first = rankCandidates(rankable, tieBreaks);
  if (decisions.length === 0 || first.ties.length === 0) return { ranked: first, settled: new Map() };
  const byId = new Map(rankable.map((c) => [c.id, c]));
  const settled = settledTies(specialty, first.ties, decisions, (id) => admissible(byId.get(id)!));
  if (settled.size === 0) return { ranked: first, settled };
  const reordered = rankable.map((c) => {
    const s = settled.get(c.id);
    return s === undefined ? c : { ...c, manualOrder: (s.admitted ? 0 : 1000) + (c.manualOrder ?? 999) };
  });
  const ranked = rankCandidates(reordered, tieBreaks);
  return { ranked: { ranked: ranked.ranked, ties: ranked.ties.filter((t) => !t.ids.every((id) => settled.has(id))) }, settled };
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
    .where('cohort_year', '=', cohortYear)
    .where('choice_list_json', 'like', '%"base":"%')
    .execute();
  const out = new Map<string, ChoicePlaces>();
  for (const r of rows) {
    const list: ApplicantChoice[] | null = storedChoiceList(parseChoiceCodes(r.choices_json), r.choice_list_json);
    if (list === null) continue;
    const others = list.filter((c) => c.base !== null).map((c) => choiceText(c, (code) => names.get(code) ?? code));
    out.set(r.id, { round: roundHere(list), others });
  }
  return out;
}

type GroupMembers = { specialty: string; category: string | null; members: number[] };

/** Applicants by ranking group: first choice, and category when the preset splits quotas by category. */
function groupMembers(
  t: ScoreTable,
  quotasByCategory: boolean,
  input: { specialty?: string | undefined; category?: string | undefined },
): Map<string, GroupMembers> {
  const groups = new Map<string, GroupMembers>();
  const specialtyOf = firstChoiceMemo();
  for (let i = 0; i < t.ids.length; i++) {
    const sp = specialtyOf(t.choicesJson[i]!);
    if (sp === null) continue;
    if (input.specialty !== undefined && sp !== input.specialty) continue;
    const category = t.categories[i]!;
    const cat = quotasByCategory ? (category ?? '') : null;
    if (input.category !== undefined && cat !== input.category && category !== input.category) continue;
    const key = groupKeyOf(sp, cat);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { specialty: sp, category: cat, members: [] }));
    g.members.push(i);
  }
  return groups;
}

export async function showRanking(
  tx: Tx,
  input: { cohortYear?: number | undefined; specialty?: string | undefined; category?: string | undefined },
): Promise<RankingView> {
  const year = input.cohortYear ?? (await requireBase(tx)).cohort_year;
  const preset = await currentPreset(tx);
  const tieBreaks = preset.exam.tieBreaks;
  const t = await loadScoreTable(tx, year);
  const r = evaluateScores(t);
  const keys = t.components.map((c) => c.key);
  const names = new Map((await tx.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.code, s.name]));
  const overrides = await tx.selectFrom('ranking_overrides').selectAll().where('cohort_year', '=', year).execute();
  const manual = new Map(overrides.map((o) => [`${o.group_key}\u0000${o.applicant_id}`, o]));
  const status = await loadRankStatus(tx, year, preset);
  const decisions = await loadTieDecisions(tx, year);
  const admissible = (c: Candidate) => status.notAdmissible(c.id, c.total) === null;
  const priorities = priorityBySpecialty(preset, names);
  const places = await choicePlaces(tx, year, names);

  const groups = groupMembers(t, preset.quotasByCategory, input);
  const out: RankingGroup[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const rankable: Candidate[] = [];
    const unranked: RankingGroup['unranked'] = [];
    for (const i of g.members) {
      const st = r.status[i]!;
      const total = r.total[i]!;
      if (st !== 'complete' || total === null) {
        unranked.push({
          applicantId: t.ids[i]!,
          name: t.names[i]!,
          idMasked: maskIdNumber(t.idNumbers[i]!),
          status: st === 'absent' ? 'absent' : 'incomplete',
          confirmation: status.confirmation(t.ids[i]!),
        });
        continue;
      }
      // Only the components reach the ranking, all numbers for a complete result; the shown record is
      // exactly that unless scores of former components are shown next to them.
      let comps = r.components[i] as Record<string, number>;
      if (t.extras.has(i)) {
        comps = {};
        for (let k = 0; k < keys.length; k++) comps[keys[k]!] = t.values[k]![i] as number;
      }
      const c: Candidate = { id: t.ids[i]!, total, components: comps, category: t.categories[i]!, i };
      if (manual.size > 0) {
        const m = manual.get(`${key}\u0000${c.id}`);
        if (m) c.manualOrder = m.manual_order;
      }
      rankable.push(c);
    }
    const priority = priorities.get(g.specialty);
    const groupTieBreaks = tieBreaksFor(tieBreaks, priority);
    const { ranked, settled } = rankGroup(g.specialty, rankable, groupTieBreaks, decisions, admissible);
    unranked.sort((x, y) => (x.idMasked < y.idMasked ? -1 : 1));
    out.push({
      groupKey: key,
      specialty: g.specialty,
      specialtyName: names.get(g.specialty) ?? g.specialty,
      category: g.category,
      priorityCategory: priority ?? null,
      ranked: ranked.ranked.map((c) => {
        const m = manual.size > 0 ? manual.get(`${key}\u0000${c.id}`) : undefined;
        const s = settled.get(c.id);
        const why = status.notAdmissible(c.id, c.total);
        return {
          rank: c.rank,
          tied: c.tied && s === undefined,
          applicantId: c.id,
          name: t.names[c.i]!,
          idMasked: maskIdNumber(t.idNumbers[c.i]!),
          category: c.category ?? null,
          total: c.total,
          totalDisplay: formatHundredths(c.total),
          components: r.components[c.i]!,
          manualOrder: m?.manual_order ?? null,
          manualReason: m?.reason ?? null,
          confirmation: status.confirmation(c.id),
          admissible: why === null,
          notAdmissible: why,
          tieDecision: s === undefined ? null : { ...s.decision, admitted: s.admitted },
          round: places.get(c.id)?.round ?? 1,
          otherChoices: places.get(c.id)?.others ?? [],
        };
      }),
      ties: ranked.ties.map((x) => ({ rank: x.rank, applicantIds: x.ids })),
      unranked,
    });
  }
  return { cohortYear: year, tieBreaks, groups: out, admission: await admissionStaleness(tx, year) };
}

/** Order candidates inside one tie. Refuses candidates who are not all in the same tie. */
export async function reorderTie(
  core: Core,
  actor: Actor,
  input: { cohortYear?: number | undefined; groupKey: string; order: string[]; reason: string },
): Promise<RankingView> {
  return core.db.transaction().execute(async (tx) => {
    const year = input.cohortYear ?? (await requireBase(tx)).cohort_year;
    const prior = await tx
      .selectFrom('ranking_overrides')
      .selectAll()
      .where('cohort_year', '=', year)
      .where('group_key', '=', input.groupKey)
      .where('applicant_id', 'in', input.order)
      .execute();
    // Rank without existing manual orders of these candidates, to find the tie they really share.
    await tx
      .deleteFrom('ranking_overrides')
      .where('cohort_year', '=', year)
      .where('group_key', '=', input.groupKey)
      .where('applicant_id', 'in', input.order)
      .execute();
    const view = await showRanking(tx, { cohortYear: year });
    const g = view.groups.find((x) => x.groupKey === input.groupKey);
    if (!g) throw new AppError('RANK_GROUP_UNKNOWN', `排名分组「${input.groupKey}」不存在。`);
    const tie = g.ties.find((t) => input.order.every((id) => t.applicantIds.includes(id)));
    if (!tie || new Set(input.order).size !== input.order.length) {
      throw new AppError('RANK_NOT_TIED', '只能对总成绩和各项同分规则都相同的并列考生人工排序；所选考生并非同一并列组。');
    }
    const before = prior.map((p) => ({ id: p.applicant_id, manualOrder: p.manual_order, reason: p.reason }));
    const now = isoNow(core.clock);
    for (let i = 0; i < input.order.length; i++) {
      await tx
        .insertInto('ranking_overrides')
        .values({
          cohort_year: year,
          group_key: input.groupKey,
          applicant_id: input.order[i]!,
          manual_order: i + 1,
          reason: input.reason,
          actor: actor.username,
          updated_at: now,
        })
        .execute();
    }
    await appendEvent(tx, core, actor.username, {
      action: 'ranking.reorder',
      entity: 'ranking_group',
      entityId: `${year}/${input.groupKey}`,
      before,
      after: input.order.map((id, i) => ({ id, manualOrder: i + 1 })),
      reason: input.reason,
    });
    return showRanking(tx, { cohortYear: year });
  });
}
