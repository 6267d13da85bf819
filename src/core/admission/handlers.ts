import type { admissionOps, DecisionView } from '../../shared/contract/admission';
import { AppError } from '../../shared/errors';
import { can } from '../../shared/permissions';
import { payloadRecord } from './decision-payloads';
import { ROUND_LABEL, type TieResolution } from './rules';
import { actorOf, defineHandlers } from '../api/handler';
import { appendEvent } from '../audit/events';
import { requireBase } from '../base/base';
import type { CallContext } from '../context';
import { admissionDeps } from './deps';
import {
  decideReduction,
  recordContract,
  recordProvinceReview,
  recordReportIn,
  requestReduction,
  tracking,
  trainingYears,
} from './followups';
import { publicationHtml, publish } from './publication';
import {
  assignAdjustment,
  decline,
  findApplicant,
  loadStored,
  requireRun,
  resolveTie,
  revokeDecision,
  runAllocation,
  setSecondChoices,
  showLatest,
  viewContext,
} from './service';
import { competitionViews } from './views';
import { whyNot } from './why';
import { overrideLines } from '../applicants/desk-records';
import { admissionStats } from './stats';
import { summaryHtml, summaryXlsx } from './summary';
import { displayNamesOf } from '../users/display-names';
import { requireFreshRun } from './staleness';

/** Full ID numbers on screen only for roles allowed to reveal, and every reveal is audited. */
async function allowReveal(ctx: CallContext, reveal: boolean | undefined, what: string): Promise<boolean> {
  if (reveal !== true) return false;
  const actor = actorOf(ctx);
  if (!can(actor.role, 'admission.reveal')) {
    throw new AppError('FORBIDDEN', '当前角色没有查看完整证件号码的权限。');
  }
  await ctx.core.db.transaction().execute(async (tx) => {
    const base = await requireBase(tx);
    await appendEvent(tx, ctx.core, actor.username, {
      action: 'admission.reveal',
      entity: 'admission',
      entityId: String(base.cohort_year),
      after: { what },
    });
  });
  return true;
}

/** The 汇总表 reports the latest run: like 公示 and packages, it is refused while that run is out of date. */
async function requireFreshSummary(ctx: CallContext): Promise<void> {
  const base = await requireBase(ctx.core.db);
  await requireFreshRun(ctx.core.db, await requireRun(ctx.core.db, base.cohort_year), '导出拟录取学员汇总表');
}

/** Exports carry full numbers by default when the role may reveal them (the province needs them). */
function exportReveal(ctx: CallContext, reveal: boolean | undefined): boolean {
  return (reveal ?? true) && can(actorOf(ctx).role, 'admission.reveal');
}

function decisionSummary(kind: DecisionView['kind'], applicant: string | null, payload: Record<string, unknown>): string {
  if (kind === 'decline') return `${applicant ?? ''} 放弃录取`;
  if (kind === 'adjustment') return `${applicant ?? ''} 调剂到「${String(payload.specialty)}」`;
  if (kind === 'over_quota') return `${applicant ?? ''} 超计划调剂到「${String(payload.specialty)}」（批准）`;
  const t = payload as unknown as TieResolution;
  return `「${t.specialty}」${t.category ?? ''}${ROUND_LABEL[t.round]}末位同分：录取 ${t.admit.length} 人${t.overflowApproved ? '（超计划，已批准）' : ''}`;
}

export const admissionHandlers = defineHandlers<typeof admissionOps>()({
  'admission.run': async (ctx, input) => {
    const reveal = await allowReveal(ctx, input.reveal, '录取计算结果');
    return runAllocation(ctx.core, actorOf(ctx), admissionDeps(ctx.core), { ...input, reveal });
  },

  'admission.list': async (ctx, input) => {
    const reveal = await allowReveal(ctx, input.reveal, '录取名单');
    const base = await requireBase(ctx.core.db);
    return showLatest(ctx.core.db, base.cohort_year, reveal);
  },

  'admission.competitions': async (ctx, input) => {
    const reveal = await allowReveal(ctx, input.reveal, '录取排名');
    const base = await requireBase(ctx.core.db);
    const run = await requireRun(ctx.core.db, base.cohort_year);
    return competitionViews(
      await viewContext(ctx.core.db, base.cohort_year, reveal),
      await loadStored(ctx.core.db, run),
      input.specialtyCode,
    );
  },

  'admission.why': async (ctx, input) => {
    const tx = ctx.core.db;
    const base = await requireBase(tx);
    const run = await requireRun(tx, base.cohort_year);
    const ref = async (x: string) =>
      (await findApplicant(tx, base.cohort_year, /^[0-9A-Za-z]{15,18}$/.test(x) ? { idNumber: x } : { applicantId: x })).id;
    const [a, b] = [await ref(input.a), await ref(input.b)];
    return {
      lines: whyNot(
        await viewContext(tx, base.cohort_year, false),
        await loadStored(tx, run),
        a,
        b,
        await overrideLines(tx, [a, b]),
      ),
    };
  },

  'admission.resolveTie': async (ctx, input) => resolveTie(ctx.core, actorOf(ctx), admissionDeps(ctx.core), input),

  'admission.decline': async (ctx, input) => decline(ctx.core, actorOf(ctx), admissionDeps(ctx.core), input),

  'admission.assignAdjustment': async (ctx, input) => assignAdjustment(ctx.core, actorOf(ctx), admissionDeps(ctx.core), input),

  'admission.setSecondChoices': async (ctx, input) => setSecondChoices(ctx.core, actorOf(ctx), admissionDeps(ctx.core), input),

  'admission.decisions': async (ctx) => {
    const base = await requireBase(ctx.core.db);
    const rows = await ctx.core.db
      .selectFrom('admission_decisions')
      .leftJoin('applicants', 'applicants.id', 'admission_decisions.applicant_id')
      .selectAll('admission_decisions')
      .select('applicants.name')
      .where('admission_decisions.cohort_year', '=', base.cohort_year)
      .orderBy('admission_decisions.created_at', 'desc')
      .orderBy('admission_decisions.id', 'desc')
      .execute();
    const names = await displayNamesOf(
      ctx.core.db,
      rows.flatMap((r) => [r.created_by, r.revoked_by ?? '']),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      applicantId: r.applicant_id,
      summary: decisionSummary(r.kind, r.name, payloadRecord(r)),
      reason: r.reason,
      createdBy: r.created_by,
      createdByName: names.get(r.created_by) ?? r.created_by,
      createdAt: r.created_at,
      revokedAt: r.revoked_at,
      revokedBy: r.revoked_by,
      revokedByName: r.revoked_by === null ? null : (names.get(r.revoked_by) ?? r.revoked_by),
      revokeReason: r.revoke_reason,
    }));
  },

  'admission.revokeDecision': async (ctx, input) => revokeDecision(ctx.core, actorOf(ctx), admissionDeps(ctx.core), input),

  'admission.publish': async (ctx, input) => publish(ctx.core, actorOf(ctx), input),

  'admission.publicationHtml': async (ctx) => publicationHtml(ctx.core.db),

  'admission.summaryXlsx': async (ctx, input) => {
    await requireFreshSummary(ctx);
    return summaryXlsx(ctx.core, actorOf(ctx), exportReveal(ctx, input.reveal));
  },

  'admission.summaryHtml': async (ctx, input) => {
    await requireFreshSummary(ctx);
    return summaryHtml(ctx.core, actorOf(ctx), exportReveal(ctx, input.reveal));
  },

  'admission.stats': async (ctx) => admissionStats(ctx.core.db, admissionDeps(ctx.core)),

  'admission.trainingYears': async (ctx) => trainingYears(ctx.core.db),

  'admission.requestReduction': async (ctx, input) => requestReduction(ctx.core, actorOf(ctx), input),

  'admission.decideReduction': async (ctx, input) => decideReduction(ctx.core, actorOf(ctx), input),

  'admission.recordProvinceReview': async (ctx, input) => recordProvinceReview(ctx.core, actorOf(ctx), input),

  'admission.tracking': async (ctx) => tracking(ctx.core.db, ctx.core.clock),

  'admission.recordReportIn': async (ctx, input) => recordReportIn(ctx.core, actorOf(ctx), input),

  'admission.recordContract': async (ctx, input) => recordContract(ctx.core, actorOf(ctx), input),
});
