/**
 * Online registration per candidate and subject: registered in the provincial system, in the national one
 * (中国卫生人才网, for 专业理论), details and photo identical in both, and the status seen as
 * “报名信息已提交，等待审核” (福建2024 五(五)). Retakers register only the subjects they sit.
 */
import type { ExamReviewResult, ExamSubject } from '../../shared/contract/exam';
import { EXAM_SUBJECT_LABELS } from '../../shared/contract/exam';
import { AppError } from '../../shared/errors';
import { appendEvent } from '../audit/events';
import type { Actor, Core } from '../context';
import { isoNow } from '../util/clock';
import { calendarFor } from './calendars';
import { candidateViewOf, findCandidate } from './candidates';
import { requireLateReason } from './review';
import { subjectsOf } from './views';

type Flags = {
  provincial?: boolean | undefined;
  national?: boolean | undefined;
  identical?: boolean | undefined;
  statusSeen?: boolean | undefined;
};

export async function setRegistration(
  core: Core,
  actor: Actor,
  input: Flags & { year: number; trainee: string; subject: ExamSubject; reason?: string | undefined },
): Promise<ExamReviewResult> {
  return core.db.transaction().execute(async (tx) => {
    const { calendar } = await calendarFor(tx, input.year);
    const c = await findCandidate(tx, input.year, input.trainee);
    if (c.status !== 'approved') throw new AppError('EXAM_NOT_APPROVED', '资格审核通过后才能登记网上报名情况。');
    if (!subjectsOf(c).includes(input.subject)) {
      throw new AppError(
        'EXAM_SUBJECT_NOT_TAKEN',
        `该报考人员不报考“${EXAM_SUBJECT_LABELS[input.subject]}”（补考人员只报名未通过的科目）。`,
      );
    }
    const warning = requireLateReason(core, calendar, 'registration', input.reason);
    const before = await tx
      .selectFrom('exam_registrations')
      .selectAll()
      .where('candidate_id', '=', c.id)
      .where('subject', '=', input.subject)
      .executeTakeFirst();
    const flag = (v: boolean | undefined, old: number | undefined): number => (v === undefined ? (old ?? 0) : v ? 1 : 0);
    const values = {
      provincial: flag(input.provincial, before?.provincial),
      national: flag(input.national, before?.national),
      identical: flag(input.identical, before?.identical),
      status_seen: flag(input.statusSeen, before?.status_seen),
      updated_by: actor.username,
      updated_at: isoNow(core.clock),
    };
    await tx
      .insertInto('exam_registrations')
      .values({ candidate_id: c.id, subject: input.subject, ...values })
      .onConflict((oc) => oc.columns(['candidate_id', 'subject']).doUpdateSet(values))
      .execute();
    await appendEvent(tx, core, actor.username, {
      action: 'exam.registration',
      entity: 'exam_candidate',
      entityId: c.id,
      before: before ?? null,
      after: { subject: input.subject, ...values },
      reason: input.reason ?? null,
    });
    return { ...(await candidateViewOf(tx, core, input.year, c.trainee_id)), warning };
  });
}
