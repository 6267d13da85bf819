import { exportResults } from './results-export';
import type { scoresOps } from '../../shared/contract/scores';
import { AppError } from '../../shared/errors';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { currentPreset, requireBase } from '../base/base';
import type { Tx } from '../context';
import { validateComponents } from './rules';
import { exportBundle, importStationFile } from '../stations/bundle';
import { exportSessionFile } from '../stations/session-file';
import { isoNow } from '../util/clock';
import { decodeFile } from '../util/file-input';
import { loadComponents } from './components';
import { commitScoreImport, previewScoreImport } from './import';
import { markAbsent, resolveConflict, setScore } from './interview-scoring';
import { createSession, listSessions } from './interview-session';
import { sessionDetail } from './interview-sheet';
import { reopen, signOff } from './interview-signoff';
import { blankSheetHtml, resultSheetHtml, summaryXlsx } from './outputs';
import { reorderTie, resultRows, showRanking } from './ranking';
import { rankingPage } from './ranking-page';
import { resultPage } from './results-page';
import type { ComponentsView } from '../../shared/contract/scores';

async function componentsView(tx: Tx, cohortYear?: number): Promise<ComponentsView> {
  const year = cohortYear ?? (await requireBase(tx)).cohort_year;
  const preset = await currentPreset(tx);
  const c = await loadComponents(tx, year, preset);
  return {
    cohortYear: year,
    ...c,
    aggregation: preset.exam.aggregation,
    tieBreaks: preset.exam.tieBreaks,
    quotasByCategory: preset.quotasByCategory,
  };
}

export const scoresHandlers = defineHandlers<typeof scoresOps>()({
  'scores.components': async (ctx, input) => componentsView(ctx.core.db, input.cohortYear),

  'scores.setComponents': async (ctx, input) => {
    const actor = actorOf(ctx);
    const { core } = ctx;
    const issues = validateComponents(input.components);
    if (issues.length > 0) throw new AppError(issues[0]!.code, issues.map((i) => i.message).join(' '), { issues });
    return core.db.transaction().execute(async (tx) => {
      const before = await componentsView(tx, input.cohortYear);
      const year = before.cohortYear;
      const scored = await tx
        .selectFrom('component_scores')
        .select('applicant_id')
        .where('cohort_year', '=', year)
        .executeTakeFirst();
      if (scored && !input.reason) {
        throw new AppError('REASON_REQUIRED', '本年度已有成绩，修改考核项目（满分、权重）会改变总成绩：请填写修改原因。');
      }
      await tx.deleteFrom('exam_components').where('cohort_year', '=', year).execute();
      const now = isoNow(core.clock);
      for (const [i, c] of input.components.entries()) {
        await tx
          .insertInto('exam_components')
          .values({ cohort_year: year, key: c.key, name: c.name, max: c.max, weight: c.weight, position: i, updated_at: now })
          .execute();
      }
      await appendEvent(tx, core, actor.username, {
        action: 'scores.setComponents',
        entity: 'exam_components',
        entityId: String(year),
        before: before.components,
        after: input.components,
        reason: input.reason ?? null,
      });
      return componentsView(tx, year);
    });
  },

  'scores.previewImport': async (ctx, input) =>
    previewScoreImport(ctx.core, decodeFile(input), { replace: input.replace, reason: input.reason }),
  'scores.import': async (ctx, input) =>
    commitScoreImport(ctx.core, actorOf(ctx), decodeFile(input), { replace: input.replace, reason: input.reason }),
  'scores.results': async (ctx, input) => resultRows(ctx.core.db, input.cohortYear),
  'scores.page': async (ctx, input) => resultPage(ctx.core.db, input),
  'scores.summaryXlsx': async (ctx, input) => summaryXlsx(ctx.core.db, input),
  'scores.export': async (ctx, input) => exportResults(ctx.core, actorOf(ctx), input),

  'interview.createSession': async (ctx, input) => createSession(ctx.core, actorOf(ctx), input),
  'interview.listSessions': async (ctx) => listSessions(ctx.core.db, actorOf(ctx)),
  'interview.session': async (ctx, input) => sessionDetail(ctx.core.db, input.sessionId, actorOf(ctx)),
  'interview.setScore': async (ctx, input) => setScore(ctx.core, actorOf(ctx), input),
  'interview.markAbsent': async (ctx, input) => markAbsent(ctx.core, actorOf(ctx), input),
  'interview.signOff': async (ctx, input) => signOff(ctx.core, actorOf(ctx), input),
  'interview.reopen': async (ctx, input) => reopen(ctx.core, actorOf(ctx), input),
  'interview.resolveConflict': async (ctx, input) => resolveConflict(ctx.core, actorOf(ctx), input),
  'interview.blankSheetHtml': async (ctx, input) => ({ html: await blankSheetHtml(ctx.core.db, input) }),
  'interview.resultSheetHtml': async (ctx, input) => ({ html: await resultSheetHtml(ctx.core.db, actorOf(ctx), input) }),

  'ranking.show': async (ctx, input) => showRanking(ctx.core.db, input, ctx.core.rankingMemo),
  'ranking.page': async (ctx, input) => rankingPage(ctx.core.db, input, ctx.core.rankingMemo),
  'ranking.reorder': async (ctx, input) => reorderTie(ctx.core, actorOf(ctx), input),

  'stations.exportSession': async (ctx, input) => exportSessionFile(ctx.core, actorOf(ctx), input),
  'stations.exportBundle': async (ctx, input) => exportBundle(ctx.core, input),
  'stations.import': async (ctx, input) => importStationFile(ctx.core, actorOf(ctx), decodeFile(input).bytes),
});
