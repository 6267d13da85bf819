/**
 * Ranking per specialty (first choice), and per category when the preset splits quotas by category, with
 * the preset's tie-breaks via src/core/scoring. A remaining tie is shown as a tie; a person may order the
 * candidates inside a tie, with a reason, and never across totals or tie-breaks.
 */
import type { RankingGroup, RankingView, ResultRow } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import type { Core, Tx } from '../context';
import { formatHundredths, groupKeyOf, rankCandidates, type RankCandidate } from '../scoring';
import { isoNow } from '../util/clock';
import { loadScoreRows, toResults, type ScoreRow } from './results';

type Applicant = { id: string; name: string; id_number: string; category: string | null; choices_json: string };

export async function resultRows(tx: Tx, cohortYear?: number): Promise<ResultRow[]> {
  const year = cohortYear ?? (await requireBase(tx)).cohort_year;
  const { rows, components } = await loadScoreRows(tx, year);
  const results = toResults(rows, components);
  const applicants = [...rows].sort((x, y) => (x.id_number < y.id_number ? -1 : 1));
  return applicants.map((a) => {
    const r = results.get(a.id)!;
    return {
      applicantId: a.id,
      name: a.name,
      idMasked: maskIdNumber(a.id_number),
      specialty: firstChoice(a),
      category: a.category,
      components: r.components,
      total: r.total,
      totalDisplay: r.total === null ? null : formatHundredths(r.total),
      status: r.status,
    };
  });
}

function firstChoice(a: Pick<Applicant, 'choices_json'>): string | null {
  const c = JSON.parse(a.choices_json) as string[];
  return c[0] ?? null;
}

export async function showRanking(
  tx: Tx,
  input: { cohortYear?: number | undefined; specialty?: string | undefined; category?: string | undefined },
): Promise<RankingView> {
  const year = input.cohortYear ?? (await requireBase(tx)).cohort_year;
  const preset = await currentPreset(tx);
  const tieBreaks = preset.exam.tieBreaks;
  const { rows: applicants, components } = await loadScoreRows(tx, year);
  const results = toResults(applicants, components);
  const names = new Map((await tx.selectFrom('specialties').select(['code', 'name']).execute()).map((s) => [s.code, s.name]));
  const overrides = await tx.selectFrom('ranking_overrides').selectAll().where('cohort_year', '=', year).execute();
  const manual = new Map(overrides.map((o) => [`${o.group_key}\u0000${o.applicant_id}`, o]));

  type G = { specialty: string; category: string | null; members: ScoreRow[] };
  const groups = new Map<string, G>();
  for (const a of applicants) {
    const sp = firstChoice(a);
    if (sp === null) continue;
    if (input.specialty !== undefined && sp !== input.specialty) continue;
    const cat = preset.quotasByCategory ? (a.category ?? '') : null;
    if (input.category !== undefined && cat !== input.category && a.category !== input.category) continue;
    const key = groupKeyOf(sp, cat);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { specialty: sp, category: cat, members: [] }));
    g.members.push(a);
  }
  const out: RankingGroup[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const rankable: Array<RankCandidate & { a: ScoreRow }> = [];
    const unranked: RankingGroup['unranked'] = [];
    for (const a of g.members) {
      const r = results.get(a.id)!;
      if (r.status !== 'complete' || r.total === null) {
        unranked.push({
          applicantId: a.id,
          name: a.name,
          idMasked: maskIdNumber(a.id_number),
          status: r.status === 'absent' ? 'absent' : 'incomplete',
        });
        continue;
      }
      // Only numbers reach the ranking (a complete result has one per component).
      const comps: Record<string, number> = {};
      for (let i = 0; i < components.length; i++) comps[components[i]!.key] = a.values[i] as number;
      const c: RankCandidate & { a: ScoreRow } = { id: a.id, total: r.total, components: comps, category: a.category, a };
      if (manual.size > 0) {
        const m = manual.get(`${key}\u0000${a.id}`);
        if (m) c.manualOrder = m.manual_order;
      }
      rankable.push(c);
    }
    const ranked = rankCandidates(rankable, tieBreaks);
    unranked.sort((x, y) => (x.idMasked < y.idMasked ? -1 : 1));
    out.push({
      groupKey: key,
      specialty: g.specialty,
      specialtyName: names.get(g.specialty) ?? g.specialty,
      category: g.category,
      ranked: ranked.ranked.map((c) => {
        const m = manual.size > 0 ? manual.get(`${key}\u0000${c.id}`) : undefined;
        return {
          rank: c.rank,
          tied: c.tied,
          applicantId: c.id,
          name: c.a.name,
          idMasked: maskIdNumber(c.a.id_number),
          category: c.a.category,
          total: c.total,
          totalDisplay: formatHundredths(c.total),
          components: results.get(c.id)!.components,
          manualOrder: m?.manual_order ?? null,
          manualReason: m?.reason ?? null,
        };
      }),
      ties: ranked.ties.map((t) => ({ rank: t.rank, applicantIds: t.ids })),
      unranked,
    });
  }
  return { cohortYear: year, tieBreaks, groups: out };
}

/** Order candidates inside one tie. Refuses candidates who are not all in the same tie. */
export async function reorderTie(
  core: Core,
  actor: string,
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
          actor,
          updated_at: now,
        })
        .execute();
    }
    await appendEvent(tx, core, actor, {
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
