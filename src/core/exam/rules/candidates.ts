/**
 * Who the base proposes for this year's completion exam: first-time candidates whose training ends (per the
 * rotation plan, leave extensions included) within the calendar's window, and retakers (补考人员只需报名未通过
 * 的科目, 福建2024 三(一)) for the failed subject while the passed one is still valid.
 */
import type { ExamCalendar, ExamSubject } from '../../../shared/contract/exam';
import { trainingEnd } from './eligibility';
import type { ExamFacts } from './types';
import { subjectsToSit } from './validity';
import { formatDate } from '../../../shared/dates';

export type Proposal = { traineeId: string; subjects: ExamSubject[]; retake: boolean; trainingEnd: string };
export type NotProposed = { traineeId: string; reason: string };

/** Trainees who left or already finished are never proposed. */
const GONE = new Set(['withdrawn', 'completed']);

export function proposeOne(f: ExamFacts, calendar: ExamCalendar): Proposal | NotProposed | null {
  if (!calendar.programs.includes(f.program) || GONE.has(f.status)) return null;
  const subjects = subjectsToSit(f.results, calendar.year, calendar.resultValidYears);
  if (subjects.length === 0) return null;
  const end = trainingEnd(f);
  const sat = f.results.some((r) => r.year < calendar.year);
  if (subjects.length === 1 && sat) return { traineeId: f.traineeId, subjects, retake: true, trainingEnd: end };
  const { from, to } = calendar.trainingEnd;
  if (end > to) {
    const why = f.rotation === null ? '（无轮转计划，按培训年限推算）' : '（按轮转计划，含请假顺延）';
    return { traineeId: f.traineeId, reason: `培训预计 ${formatDate(end)} 结束${why}，晚于本年度截止日期 ${formatDate(to)}` };
  }
  if (end < from && !sat)
    return {
      traineeId: f.traineeId,
      reason: `培训已于 ${formatDate(end)} 结束，早于本年度范围（${formatDate(from)} 起），且无考核记录`,
    };
  return { traineeId: f.traineeId, subjects, retake: sat, trainingEnd: end };
}

export function proposeCandidates(
  facts: readonly ExamFacts[],
  calendar: ExamCalendar,
): { proposals: Proposal[]; notProposed: NotProposed[] } {
  const proposals: Proposal[] = [];
  const notProposed: NotProposed[] = [];
  for (const f of facts) {
    const p = proposeOne(f, calendar);
    if (p === null) continue;
    if ('reason' in p) notProposed.push(p);
    else proposals.push(p);
  }
  return { proposals, notProposed };
}
