/**
 * Registration tracking: where each candidate stands in the year's base work. The steps are the seeds' own
 * (重庆2024 一: materials collected and checked, 二: eligibility, 一: the 报名汇总表 sent; 三(一)2 and
 * 福建2024 三(一): online registration confirmed), taken in the order this year's deadlines close, so a
 * province that registers online before the base reviews (福建) reads in its own order.
 */
import {
  EXAM_TRACKING_STAGES,
  type ExamCalendar,
  type ExamCandidateStatus,
  type ExamDeadline,
  type ExamSubject,
  type ExamTrackingStage,
} from '../../../shared/contract/exam';
import { closingMoment } from './moments';
import { subjectRegistered } from './registration';

const DEADLINE_OF: Record<ExamTrackingStage, ExamDeadline> = {
  materials: 'review',
  checks: 'review',
  decision: 'review',
  registration: 'registration',
  summary: 'submit',
};

export type TrackingFacts = {
  status: ExamCandidateStatus;
  materials: { received: number; required: number };
  eligible: boolean;
  subjects: ExamSubject[];
  registrations: Array<{ subject: ExamSubject; provincial: boolean; national: boolean; identical: boolean }>;
  decidedAt: string | null;
  summaryExportedAt: string | null;
};

/** The steps in the order their deadlines close; steps sharing a deadline keep the seeds' order. */
export function trackingOrder(calendar: ExamCalendar): ExamTrackingStage[] {
  const closes = (stage: ExamTrackingStage): string => {
    const step = calendar.steps.find((s) => s.key === calendar.deadlines[DEADLINE_OF[stage]]);
    return step ? closingMoment(step.closes) : '9999';
  };
  return [...EXAM_TRACKING_STAGES].sort((a, b) => closes(a).localeCompare(closes(b)));
}

export function stagesDone(f: TrackingFacts): Record<ExamTrackingStage, boolean> {
  const approved = f.status === 'approved';
  return {
    materials: f.materials.received >= f.materials.required,
    checks: f.eligible,
    decision: approved,
    registration:
      approved &&
      f.subjects.every((s) => {
        const r = f.registrations.find((x) => x.subject === s);
        return r !== undefined && subjectRegistered(r);
      }),
    // Listed in a 汇总表 exported after the decision: an export before it carried the old facts.
    summary: approved && f.summaryExportedAt !== null && (f.decidedAt === null || f.summaryExportedAt >= f.decidedAt),
  };
}

/** The first step not done; null when everything is done or the candidate is out (withdrawn, refused). */
export function nextStage(
  f: TrackingFacts,
  order: readonly ExamTrackingStage[],
  done: Record<ExamTrackingStage, boolean>,
): ExamTrackingStage | null {
  if (f.status === 'withdrawn' || f.status === 'rejected') return null;
  return order.find((s) => !done[s]) ?? null;
}
