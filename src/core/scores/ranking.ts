/**
 * The ranking as one whole answer (ranking.show: the CLI, the 成绩汇总表, a tie's check before a manual
 * order) and the manual order inside a tie. What is ranked and how: ./ranking-compute.
 */
import type { RankingGroup, RankingView, ResultRow } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { maskIdNumber } from '../../shared/mask';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { Actor, Core, Tx } from '../context';
import { formatHundredths } from './rules';
import { isoNow } from '../util/clock';
import { computeRanking, firstChoiceMemo, groupHead, rankedRowOf, unrankedRowOf, type RankingFilter } from './ranking-compute';
import type { RankingMemo } from './ranking-memo';
import { evaluateScores, loadScoreTable } from './results';

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

/** With a memo, the ranking of an unchanged database is reused (see ./ranking-memo); rows are built per call. */
export async function showRanking(tx: Tx, input: RankingFilter, memo?: RankingMemo): Promise<RankingView> {
  const v = await computeRanking(tx, input, true, memo);
  const groups: RankingGroup[] = v.groups.map((g) => ({
    ...groupHead(g),
    ranked: g.ranked.map((c) => rankedRowOf(v, g, c)),
    ties: g.ties.map((x) => ({ rank: x.rank, applicantIds: x.ids })),
    unranked: g.unranked.map((i) => unrankedRowOf(v, i)),
  }));
  return { cohortYear: v.cohortYear, tieBreaks: v.tieBreaks, groups, admission: v.admission };
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
    // The ranking alone (no rows, names only of those without a result): the check needs its ties only.
    const ranking = await computeRanking(tx, { cohortYear: year }, false);
    const g = ranking.groups.find((x) => x.key === input.groupKey);
    if (!g) throw new AppError('RANK_GROUP_UNKNOWN', `排名分组「${input.groupKey}」不存在。`);
    const tie = g.ties.find((t) => input.order.every((id) => t.ids.includes(id)));
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
