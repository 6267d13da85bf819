/** The exam year at a glance: what is due next on the calendar, and how many candidates are at each status. */
import { EXAM_DEADLINES, type ExamCandidateStatus, type ExamDashboard, type ExamDeadline } from '../../shared/contract/exam';
import type { Core } from '../context';
import { calendarFor } from './calendars';
import { beijingMoment, dueSteps, lateness } from './rules';
import { candidateRows, viewsFor } from './views';

export async function examDashboard(core: Core, year: number): Promise<ExamDashboard> {
  const tx = core.db;
  const { calendar, edited } = await calendarFor(tx, year);
  const views = await viewsFor(tx, core, calendar, await candidateRows(tx, year), false);
  const counts: Record<ExamCandidateStatus, number> = { proposed: 0, approved: 0, returned: 0, rejected: 0, withdrawn: 0 };
  for (const v of views) counts[v.status]++;
  const now = beijingMoment(core.clock.nowMs());
  const late = Object.fromEntries(
    EXAM_DEADLINES.map((d) => {
      const l = lateness(calendar, d, now);
      return [d, l.late ? l.message : null];
    }),
  ) as Record<ExamDeadline, string | null>;
  return {
    year,
    calendar,
    edited,
    due: dueSteps(calendar, now),
    counts,
    eligible: views.filter((v) => v.eligible && v.status !== 'withdrawn').length,
    awaitingChecks: views.filter((v) => v.eligibility === 'pending' && v.status !== 'withdrawn').length,
    lapsed: views.filter((v) => v.registrationLapsed).length,
    late,
  };
}
