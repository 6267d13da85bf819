/**
 * The eligibility desk: checks recorded by a person (result, evidence, who, when) and the decision
 * 通过 / 退回补正 / 不通过. A decision keeps the checks as they stood; work after the calendar's closing date
 * is allowed but needs a reason, which the audit trail keeps.
 */
import { EXAM_DECISION_LABELS, type ExamCheckCode, type ExamDecision, type ExamReviewResult } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core, WriteTx } from '../context';
import { isoNow } from '../util/clock';
import { uuidv7 } from '../util/uuid7';
import { calendarFor } from './calendars';
import { candidateViewOf, findCandidate } from './candidates';
import { beijingMoment, lateness, materialsFor, rejectionProblem } from './rules';
import type { ExamCalendar } from '../../shared/contract/exam';

/** Refuses late work without a reason; returns the warning to show when there is one. */
export function requireLateReason(
  core: Core,
  calendar: ExamCalendar,
  deadline: 'review' | 'registration' | 'submit',
  reason: string | undefined,
): string | null {
  const late = lateness(calendar, deadline, beijingMoment(core.clock.nowMs()));
  if (!late.late) return null;
  if (!reason || reason.trim().length < 2) throw new AppError('EXAM_LATE_REASON_REQUIRED', late.message, { closes: late.closes });
  return late.message;
}

export async function recordCheck(
  core: Core,
  actor: Actor,
  input: { year: number; trainee: string; code: ExamCheckCode; passed: boolean; evidence: string; reason?: string | undefined },
): Promise<ExamReviewResult> {
  return core.db.transaction().execute(async (tx) => {
    const { calendar } = await calendarFor(tx, input.year);
    const c = await findCandidate(tx, input.year, input.trainee);
    const program = (await tx.selectFrom('trainees').select('program').where('id', '=', c.trainee_id).executeTakeFirstOrThrow())
      .program;
    if (!calendar.checks[program].some((k) => k.code === input.code)) {
      throw new AppError(
        'EXAM_CHECK_NOT_APPLICABLE',
        `${calendar.province} ${input.year} 年的日程中，该学员的培训项目没有“${input.code}”这项审核。`,
      );
    }
    const warning = requireLateReason(core, calendar, 'review', input.reason);
    const id = uuidv7(core.clock.nowMs());
    const at = isoNow(core.clock);
    await tx
      .insertInto('exam_checks')
      .values({
        id,
        candidate_id: c.id,
        code: input.code,
        passed: input.passed ? 1 : 0,
        evidence: input.evidence,
        actor: actor.username,
        at,
      })
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.check',
      entity: 'exam_candidate',
      entityId: c.id,
      after: { code: input.code, passed: input.passed, evidence: input.evidence },
      reason: input.reason ?? null,
    });
    return { ...(await candidateViewOf(tx, core, input.year, c.trainee_id)), warning };
  });
}

async function decide(
  tx: WriteTx,
  core: Core,
  actor: Actor,
  input: { year: number; trainee: string; decision: ExamDecision; reason?: string | undefined },
): Promise<ExamReviewResult> {
  const { calendar } = await calendarFor(tx, input.year);
  const c = await findCandidate(tx, input.year, input.trainee);
  if (c.status === 'withdrawn') throw new AppError('EXAM_CANDIDATE_WITHDRAWN', '该报考人员已撤销，请先恢复后再审核。');
  const problem = rejectionProblem(input.decision, input.reason);
  if (problem) throw new AppError('EXAM_REASON_REQUIRED', problem);
  const warning = requireLateReason(core, calendar, 'review', input.reason);
  const view = await candidateViewOf(tx, core, input.year, c.trainee_id);
  if (input.decision === 'approved' && !view.eligible) {
    const failed = view.checks.filter((k) => !k.passed).map((k) => `${k.label}：${k.message}`);
    throw new AppError('EXAM_NOT_ELIGIBLE', `${view.name} 尚有未通过的审核项，不能审核通过：${failed.join('；')}。`, {
      codes: view.checks.filter((k) => !k.passed).map((k) => k.code),
    });
  }
  const at = isoNow(core.clock);
  await tx
    .insertInto('exam_reviews')
    .values({
      id: uuidv7(core.clock.nowMs()),
      candidate_id: c.id,
      decision: input.decision,
      reason: input.reason ?? null,
      late: warning ? 1 : 0,
      checks_json: JSON.stringify(
        view.checks.map((k) => ({ code: k.code, passed: k.passed, message: k.message, recordedBy: k.recordedBy })),
      ),
      actor: actor.username,
      at,
    })
    .execute();
  await tx
    .updateTable('exam_candidates')
    .set({
      status: input.decision,
      decision_reason: input.reason ?? null,
      decided_by: actor.username,
      decided_at: at,
      updated_at: at,
    })
    .where('id', '=', c.id)
    .execute();
  await appendEvent(tx, core, actor.username, {
    action: 'exam.review',
    entity: 'exam_candidate',
    entityId: c.id,
    before: { status: c.status },
    after: { status: input.decision, label: EXAM_DECISION_LABELS[input.decision], late: warning !== null },
    reason: input.reason ?? null,
  });
  return { ...(await candidateViewOf(tx, core, input.year, c.trainee_id)), warning };
}

export async function reviewCandidate(
  core: Core,
  actor: Actor,
  input: { year: number; trainee: string; decision: ExamDecision; reason?: string | undefined },
): Promise<ExamReviewResult> {
  return core.db.transaction().execute((tx) => decide(tx, core, actor, input));
}

export async function recordMaterials(
  core: Core,
  actor: Actor,
  input: { year: number; trainee: string; received: string[]; reason?: string | undefined },
): Promise<ExamReviewResult> {
  return core.db.transaction().execute(async (tx) => {
    const { calendar } = await calendarFor(tx, input.year);
    const c = await findCandidate(tx, input.year, input.trainee);
    const program = (await tx.selectFrom('trainees').select('program').where('id', '=', c.trainee_id).executeTakeFirstOrThrow())
      .program;
    const items = materialsFor(program, c.retake === 1);
    const unknown = input.received.filter((k) => !items.some((m) => m.key === k));
    if (unknown.length > 0) {
      throw new AppError(
        'EXAM_MATERIAL_UNKNOWN',
        `材料清单中没有：${unknown.join('、')}。可选：${items.map((m) => `${m.key}（${m.label}）`).join('、')}。`,
      );
    }
    const warning = requireLateReason(core, calendar, 'review', input.reason);
    const at = isoNow(core.clock);
    const before = await tx
      .selectFrom('exam_materials')
      .select(['item_key', 'received'])
      .where('candidate_id', '=', c.id)
      .execute();
    for (const m of items) {
      const values = { received: input.received.includes(m.key) ? 1 : 0, actor: actor.username, at };
      await tx
        .insertInto('exam_materials')
        .values({ candidate_id: c.id, item_key: m.key, ...values })
        .onConflict((oc) => oc.columns(['candidate_id', 'item_key']).doUpdateSet(values))
        .execute();
    }
    await appendEvent(tx, core, actor.username, {
      action: 'exam.materials',
      entity: 'exam_candidate',
      entityId: c.id,
      before: before.filter((b) => b.received === 1).map((b) => b.item_key),
      after: input.received,
      reason: input.reason ?? null,
    });
    return { ...(await candidateViewOf(tx, core, input.year, c.trainee_id)), warning };
  });
}
